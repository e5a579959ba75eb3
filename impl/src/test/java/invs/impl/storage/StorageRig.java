package invs.impl.storage;

import java.util.ArrayList;
import java.util.List;

import invs.impl.flash.NorFlash;

/** A chip with crash-safe storage on it, run one flash operation per tick, recording completions. */
final class StorageRig implements StorageClient {
    final StorageLayout layout;
    final NorFlash flash;
    CrashSafeStorage storage;
    final List<Boolean> results = new ArrayList<>();
    long ticks;

    StorageRig(int pageSize, int storageLength) {
        this.layout = new StorageLayout(pageSize, storageLength);
        this.flash = NorFlash.erased(pageSize, layout.flashPages());
        boot();
    }

    /** A new storage layer over the same chip (RAM state lost). */
    void boot() {
        storage = new CrashSafeStorage(flash, layout);
        storage.setClient(this);
        flash.setClient(storage);
    }

    /** Power fails after {@code tornBytes} bytes of the operation in progress; then boot. */
    void powerCycle(int tornBytes) {
        flash.powerLoss(tornBytes);
        boot();
    }

    boolean tick() {
        ticks++;
        return flash.tick();
    }

    /** Ticks until the request in progress completes; returns its result. */
    boolean finish() {
        int before = results.size();
        while (results.size() == before) {
            if (!tick()) {
                throw new IllegalStateException("storage stalled");
            }
        }
        return results.get(results.size() - 1);
    }

    boolean write(int address, byte[] data) {
        storage.write(address, data, 0, data.length);
        return finish();
    }

    boolean fill(int address, int length) {
        storage.fill(address, length);
        return finish();
    }

    byte[] read(int address, int length) {
        byte[] out = new byte[length];
        storage.read(address, out, 0, length);
        if (!finish()) {
            throw new IllegalStateException("read failed");
        }
        return out;
    }

    @Override
    public void readDone(boolean ok) {
        results.add(ok);
    }

    @Override
    public void writeDone(boolean ok) {
        results.add(ok);
    }
}
