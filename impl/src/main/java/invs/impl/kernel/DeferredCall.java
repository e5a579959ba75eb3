package invs.impl.kernel;

/** A piece of kernel work a capsule asks to run later, on the next tick (Tock's deferred call). */
public final class DeferredCall {
    private final Runnable handler;
    private boolean pending;

    DeferredCall(Runnable handler) {
        this.handler = handler;
    }

    /** Asks for the handler to run on the next tick (once, however many times this is called). */
    public void set() {
        pending = true;
    }

    boolean isPending() {
        return pending;
    }

    void runIfPending() {
        if (pending) {
            pending = false;
            handler.run();
        }
    }
}
