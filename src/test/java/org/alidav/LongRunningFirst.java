package org.alidav;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order test classes start in (junit-platform.properties): {@link LongRunning} classes first, the
 * others after them, each group in name order. The pool's idle threads take classes from the front of
 * the list, so the long ones start at once and the short ones fill the time beside them.
 */
public final class LongRunningFirst implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((org.junit.jupiter.api.ClassDescriptor c) -> !c.isAnnotated(LongRunning.class))
                .thenComparing(c -> c.getTestClass().getName()));
    }
}
