package invs.impl.flash;

import java.util.ArrayList;
import java.util.List;

/** Records the completions a chip reports, as "read OK", "program FAULT", ... */
final class RecordingFlashClient implements FlashClient {
    final List<String> completions = new ArrayList<>();

    @Override
    public void readDone(FlashResult result) {
        completions.add("read " + result);
    }

    @Override
    public void programDone(FlashResult result) {
        completions.add("program " + result);
    }

    @Override
    public void eraseDone(FlashResult result) {
        completions.add("erase " + result);
    }
}
