package invs.fuzz.cli;

import java.util.List;

/** Words of a shell command line, quoted for {@code /bin/sh} where needed, as reports print commands to copy. */
public final class ShellWords {
    private ShellWords() {
    }

    /** {@code flags} shell-quoted where needed, each preceded by a space. */
    public static String flags(List<String> flags) {
        StringBuilder text = new StringBuilder();
        for (String flag : flags) {
            text.append(' ').append(flag.matches("[A-Za-z0-9_./:=@%+,-]+") ? flag : "'" + flag.replace("'", "'\\''") + "'");
        }
        return text.toString();
    }
}
