package org.alidav.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A tiny Prometheus registry: labelled counters, written in the text exposition format (0.0.4). No
 * dependency, no background work; the {@code /-/metrics} endpoint calls {@link #writeTo}.
 * {@link #GLOBAL} holds what has no owner object the server can reach (the per-user API governors).
 */
public final class Metrics {
    public static final Metrics GLOBAL = new Metrics();

    private final Map<String, Family> families = new ConcurrentHashMap<>();

    /** A counter family; asking twice for one name returns the same family. */
    public Counter counter(String name, String help, String... labelNames) {
        Family f = families.computeIfAbsent(name, n -> new Family(n, help, "counter", labelNames));
        return new Counter(f);
    }

    /** Writes every family, sorted by name. */
    public void writeTo(StringBuilder out) {
        new TreeMap<>(families).values().forEach(f -> f.writeTo(out));
    }

    /** A labelled counter; values are added with the label values in the declared order. */
    public static final class Counter {
        private final Family family;

        private Counter(Family family) {
            this.family = family;
        }

        public void inc(String... labelValues) {
            add(1, labelValues);
        }

        public void add(double amount, String... labelValues) {
            family.adder(labelValues).add(amount);
        }

        /** The current value for these labels (tests, health). */
        public double get(String... labelValues) {
            DoubleAdder a = family.values.get(List.of(labelValues));
            return a == null ? 0 : a.sum();
        }

        /** The sum over every label combination. */
        public double total() {
            return family.values.values().stream().mapToDouble(DoubleAdder::sum).sum();
        }
    }

    private static final class Family {
        final String name;
        final String help;
        final String type;
        final String[] labelNames;
        final Map<List<String>, DoubleAdder> values = new ConcurrentHashMap<>();

        Family(String name, String help, String type, String[] labelNames) {
            this.name = name;
            this.help = help;
            this.type = type;
            this.labelNames = labelNames.clone();
        }

        DoubleAdder adder(String[] labelValues) {
            if (labelValues.length != labelNames.length) {
                throw new IllegalArgumentException(name + " takes " + labelNames.length + " labels");
            }
            return values.computeIfAbsent(List.of(labelValues), k -> new DoubleAdder());
        }

        void writeTo(StringBuilder out) {
            header(out, name, help, type);
            List<Map.Entry<List<String>, DoubleAdder>> rows = new ArrayList<>(values.entrySet());
            rows.sort((a, b) -> String.join("\u0000", a.getKey()).compareTo(String.join("\u0000", b.getKey())));
            for (Map.Entry<List<String>, DoubleAdder> row : rows) {
                sample(out, name, labelNames, row.getKey().toArray(String[]::new), row.getValue().sum());
            }
        }
    }

    /** {@code # HELP} and {@code # TYPE} lines. */
    public static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** One sample line with escaped label values. */
    public static void sample(StringBuilder out, String name, String[] labelNames, String[] labelValues, double value) {
        out.append(name);
        if (labelNames.length > 0) {
            out.append('{');
            for (int i = 0; i < labelNames.length; i++) {
                if (i > 0) out.append(',');
                out.append(labelNames[i]).append("=\"").append(escape(labelValues[i])).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(format(value)).append('\n');
    }

    static String format(double v) {
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** A counter that is only ever read as a whole (bytes, streams); exposed through {@link #sample}. */
    public static final class Total {
        private final LongAdder adder = new LongAdder();

        public void add(long n) {
            adder.add(n);
        }

        public long get() {
            return adder.sum();
        }
    }
}
