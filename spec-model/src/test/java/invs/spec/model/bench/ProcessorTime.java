package invs.spec.model.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/** The processor time this process has used: on a shared machine a steadier figure than wall time. */
final class ProcessorTime {
    private ProcessorTime() {
    }

    /** Processor nanoseconds used by every thread of the process so far. */
    static long now() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
