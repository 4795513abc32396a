package org.alidav.config;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * {@code java -jar alidav.jar hash-password}: reads a password (typed twice, without echo, on a
 * console; else the first line of stdin, for scripts) and prints its {@link PasswordHasher} hash.
 */
public final class HashPasswordCommand {
    private final Console console;
    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;

    /** {@code console} is null when stdin or stdout is not a terminal. */
    public HashPasswordCommand(Console console, BufferedReader in, PrintStream out, PrintStream err) {
        this.console = console;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static HashPasswordCommand onSystemStreams() {
        return new HashPasswordCommand(System.console(),
                new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())), System.out, System.err);
    }

    /** Answers the process exit code: 0, or 1 after a message on stderr. */
    public int run() {
        char[] password = console != null ? fromConsole() : fromStdin();
        if (password == null) return 1;
        try {
            if (password.length == 0) {
                err.println("alidav: the password is empty");
                return 1;
            }
            out.println(PasswordHasher.hash(password));
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] fromConsole() {
        char[] first = console.readPassword("Password: ");
        char[] second = first == null ? null : console.readPassword("Repeat password: ");
        if (second == null) {
            err.println("alidav: no password entered");
            return null;
        }
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            err.println("alidav: the passwords differ");
            return null;
        }
        return first;
    }

    private char[] fromStdin() {
        try {
            String line = in.readLine();
            if (line != null) return line.toCharArray();
            err.println("alidav: no password on stdin");
        } catch (IOException e) {
            err.println("alidav: cannot read stdin: " + e.getMessage());
        }
        return null;
    }
}
