package org.alidav.dav.props;

import javax.xml.namespace.QName;

/** A PROPPATCH would store more than {@link PropertyLimits} allow; nothing of it was applied. */
public final class PropertyLimitExceeded extends Exception {
    private final QName property;

    PropertyLimitExceeded(QName property, PropertyLimits limits) {
        super("property " + property + " refused: values are limited to " + limits.maxValueBytes() / 1024
                + " KiB and one resource's properties to " + limits.maxResourceBytes() / 1024 + " KiB in total");
        this.property = property;
    }

    public QName property() {
        return property;
    }
}
