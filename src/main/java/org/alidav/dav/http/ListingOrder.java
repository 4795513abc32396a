package org.alidav.dav.http;

import io.milton.resource.CollectionResource;
import io.milton.resource.GetableResource;
import io.milton.resource.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The order of a folder page, from its query ({@code ?sort=name|size|date&order=asc|desc}). Without
 * {@code sort} the page keeps the order the storage listed the folder in (the cloud's
 * {@code order_by}); a chosen sort puts folders first and orders each group by the key.
 *
 * @param key        what to sort by; {@link Key#LISTING} keeps the storage's order
 * @param descending largest, latest or last name first
 */
record ListingOrder(Key key, boolean descending) {
    static final ListingOrder LISTING = new ListingOrder(Key.LISTING, false);

    /** What a page can be sorted by; {@code order} is null for the storage's own order. */
    enum Key {
        LISTING(null),
        NAME(Comparator.comparing(Resource::getName, String.CASE_INSENSITIVE_ORDER).thenComparing(Resource::getName)),
        SIZE(Comparator.comparingLong(ListingOrder::size)),
        DATE(Comparator.comparing(Resource::getModifiedDate, Comparator.nullsFirst(Comparator.<Date>naturalOrder())));

        private final Comparator<Resource> order;

        Key(Comparator<Resource> order) {
            this.order = order;
        }
    }

    /**
     * @throws IllegalArgumentException for a value outside the ones above (the client gets 400)
     */
    static ListingOrder parse(String sort, String order) {
        if (sort == null || sort.isEmpty()) {
            if (order != null && !order.isEmpty()) throw new IllegalArgumentException("order needs sort=name, size or date");
            return LISTING;
        }
        Key key = switch (sort) {
            case "name" -> Key.NAME;
            case "size" -> Key.SIZE;
            case "date" -> Key.DATE;
            default -> throw new IllegalArgumentException("sort must be name, size or date");
        };
        boolean descending = switch (order == null || order.isEmpty() ? "asc" : order) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new IllegalArgumentException("order must be asc or desc");
        };
        return new ListingOrder(key, descending);
    }

    List<Resource> sort(List<? extends Resource> children) {
        List<Resource> out = new ArrayList<>(children);
        if (key.order == null) return out;
        out.sort(Comparator.comparing((Resource r) -> !(r instanceof CollectionResource))
                .thenComparing(descending ? key.order.reversed() : key.order));
        return out;
    }

    /** The query that sorts by {@code column}: ascending first, descending when it is already the ascending order. */
    static String queryFor(Key column, ListingOrder current) {
        return new ListingOrder(column, current.key == column && !current.descending).query();
    }

    /** The query that keeps this order on links to other folders ("" for the storage's order). */
    String query() {
        return key == Key.LISTING ? "" : "?sort=" + key.name().toLowerCase(Locale.ROOT) + "&order=" + (descending ? "desc" : "asc");
    }

    private static long size(Resource r) {
        Long length = r instanceof GetableResource g && !(r instanceof CollectionResource) ? g.getContentLength() : null;
        return length == null ? -1 : length;
    }
}
