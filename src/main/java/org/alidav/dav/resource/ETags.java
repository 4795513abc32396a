package org.alidav.dav.resource;

import io.milton.http.http11.ETagGenerator;
import io.milton.resource.Resource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.alidav.dav.http.RecentAnswers;
import org.alidav.drive.Entry;

/**
 * Strong entity tags. A file with a known SHA-1 is tagged by it, so the tag stays the same across
 * listings, renames and re-uploads of identical content; otherwise by id, modification time and size.
 * Milton asks the same generator for {@code getetag} in PROPFIND and for its PUT preconditions.
 */
public final class ETags implements ETagGenerator {
    /** One digest per thread: looking one up through the providers cost more than the hash, once per entry of every PROPFIND. */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    });
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Tags made lately, by id: a tag is a function of id, time and size, and every PROPFIND of a folder asks for the
     * tags of all its entries again (with the JIT's C1 only, the SHA-1 was a fifth of the CPU of such a listing).
     */
    private static final RecentAnswers<String, Made> MADE = new RecentAnswers<>(16_384);

    private record Made(long modified, long size, String tag) {
    }

    public static String of(Entry e) {
        if (e.sha1() != null && !e.folder()) return '"' + e.sha1() + '"';
        long modified = e.modified().toEpochMilli();
        Made made = MADE.get(e.id());
        if (made != null && made.modified == modified && made.size == e.size()) return made.tag;
        String basis = e.id() + '|' + modified + '|' + e.size();
        byte[] h = SHA1.get().digest(basis.getBytes(StandardCharsets.UTF_8));
        String tag = '"' + HEX.formatHex(h, 0, 12) + '"';
        return MADE.remember(e.id(), new Made(modified, e.size(), tag)).tag;
    }

    @Override
    public String generateEtag(Resource r) {
        return r instanceof StorageResource s ? of(s.entry()) : null;
    }
}
