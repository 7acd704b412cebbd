package org.linkage.local;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A PrintStream that hands on what is printed to it a whole line at a time (the line without its '\n'). */
public final class Lines {

    public static PrintStream each(Consumer<String> line) {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    line.accept(pending.toString(StandardCharsets.UTF_8));
                    pending.reset();
                } else {
                    pending.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    private Lines() {
    }
}
