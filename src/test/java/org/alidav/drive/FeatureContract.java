package org.alidav.drive;

import static org.alidav.drive.ConformanceData.bytes;
import static org.alidav.drive.ConformanceData.read;
import static org.alidav.drive.ConformanceData.sha1;
import static org.alidav.drive.ConformanceData.upload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.alidav.drive.Features.Capability;
import org.alidav.drive.Features.HashType;
import org.alidav.drive.HealthReporter.TokenState;
import org.junit.jupiter.api.Test;

/**
 * What a driver's {@link Features} promise, tested on the driver and through the op layer; a test of
 * a feature the driver does not declare is skipped, saying so.
 */
interface FeatureContract extends ConformanceFixture {

    private Features features() {
        return driver().features();
    }

    private Entry listed(String name) {
        return driver().list(baseFolder()).stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed"));
    }

    private static void assertSameTime(Instant expected, Instant actual, Duration precision, String what) {
        assertTrue(Duration.between(expected, actual).abs().compareTo(precision) < 0,
                what + ": " + actual + " is not " + expected + " to within " + precision);
    }

    @Test
    default void everyOptionalInterfaceIsDeclaredAndEveryDeclarationImplemented() {
        for (Capability c : Capability.values()) {
            boolean implemented = c.carrier().isInstance(driver());
            assertEquals(implemented, features().has(c), (implemented ? "implements " : "does not implement ")
                    + c.carrier().getSimpleName() + " but " + (implemented ? "does not declare " : "declares ") + c);
        }
    }

    @Test
    default void listingsCarryTheDeclaredHash() throws Exception {
        assumeTrue(features().lists(HashType.SHA1), "the driver declares no SHA-1 in its listings");
        byte[] content = bytes(5000, 21);
        driver().put(baseFolder(), "h.bin", upload(content, null, null));
        assertEquals(sha1(content), listed("h.bin").sha1(), "straight from the driver");
        assertEquals(sha1(content), storage().stat(base().child("h.bin")).sha1(), "through the op layer");
    }

    @Test
    default void driverKeepsTheModifiedTimeOfAnUploadToItsPrecision() {
        Instant mtime = Instant.parse("2021-03-04T05:06:07.250Z");
        driver().put(baseFolder(), "m.bin", upload(new byte[] {1}, mtime, null));
        assertSameTime(mtime, listed("m.bin").modified(), features().modTimePrecision(), "listed by the driver");
    }

    @Test
    default void modifiedTimeSetAfterTheWriteIsKept() {
        assumeTrue(features().has(Capability.SET_MOD_TIME), "the driver declares no SET_MOD_TIME");
        Duration precision = features().modTimePrecision();
        Instant first = Instant.parse("2019-01-02T03:04:05.500Z");
        Entry f = driver().put(baseFolder(), "s.bin", upload(new byte[] {1}, null, null));
        Entry set = ((ModTimeSetter) driver()).setModified(f, first);
        assertSameTime(first, set.modified(), precision, "the answer of setModified");
        assertSameTime(first, listed("s.bin").modified(), precision, "listed by the driver");

        Instant second = Instant.parse("2020-06-07T08:09:10Z");
        storage().setModified(base().child("s.bin"), second);
        storage().invalidate(base());
        assertSameTime(second, storage().stat(base().child("s.bin")).modified(), precision, "through the op layer");
    }

    @Test
    default void aLinkServesTheFileItNames() throws Exception {
        assumeTrue(features().has(Capability.LINKS), "the driver declares no LINKS: downloads go through this server");
        byte[] content = bytes(20_000, 22);
        Entry f = driver().put(baseFolder(), "l.bin", upload(content, null, null));
        Link link = ((Linker) driver()).link(f);
        URI url = URI.create(link.url());
        assumeTrue(InetAddress.getByName(url.getHost()).isLoopbackAddress(), "the link leads off this machine; tests fetch on loopback only");
        assertTrue(link.expires() == null || link.expires().isAfter(Instant.now()), "a fresh link is alive: " + link.expires());
        assertArrayEquals(content, fetch(link), "fetched from the driver's link");
        assertArrayEquals(content, fetch(storage().link(storage().stat(base().child("l.bin"))).orElseThrow()), "fetched from the op layer's link");
    }

    private static byte[] fetch(Link link) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(link.url())).timeout(Duration.ofSeconds(30));
        link.headers().forEach(request::header);
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), "status of the link");
        return response.body();
    }

    @Test
    default void noLinkWithoutTheCapability() {
        assumeTrue(!features().has(Capability.LINKS), "the driver declares LINKS");
        Entry f = storage().put(base().child("n.bin"), new ByteArrayInputStream(new byte[] {1}), 1, null, null);
        assertTrue(storage().link(f).isEmpty());
    }

    @Test
    default void quotaIsReportedAsDeclared() {
        Features f = features();
        assertEquals(f.has(Capability.QUOTA), storage().quota().isPresent(), "the op layer reports a quota exactly when declared");
        assumeTrue(f.has(Capability.QUOTA), "the driver declares no QUOTA");
        Quota q = ((QuotaReporter) driver()).quota();
        assertTrue(q.total() > 0, "total " + q.total());
        assertTrue(q.used() >= 0 && q.used() <= q.total(), "used " + q.used() + " of " + q.total());
    }

    @Test
    default void tokenStateIsReportedAsDeclared() {
        driver().list(baseFolder());
        if (!features().has(Capability.TOKEN_HEALTH)) {
            assertNull(storage().health().token(), "no token state without TOKEN_HEALTH");
            return;
        }
        assertEquals(TokenState.OK, ((HealthReporter) driver()).tokenState(), "after a call that succeeded");
        assertEquals(TokenState.OK, storage().health().token());
        assertEquals("ok", storage().health().status());
    }

    @Test
    default void duplicateNamesAreListedServedNewestFirstAndRemovedTogether() throws Exception {
        assumeTrue(features().duplicateNames(), "the backend cannot hold two items of one name");
        driver().put(baseFolder(), "dup.bin", upload("older".getBytes(), null, null));
        Entry newer = madeElsewhere(baseFolder(), "dup.bin", "newer".getBytes());
        assertEquals(List.of("dup.bin", "dup.bin"), driver().list(baseFolder()).stream().map(Entry::name).toList(),
                "the driver lists both");
        Entry served = storage().stat(base().child("dup.bin"));
        assertEquals(newer.id(), served.id(), "the op layer serves the one stored last");
        assertArrayEquals("newer".getBytes(), read(driver(), served, ByteRange.whole(served.size())));
        storage().remove(base().child("dup.bin"));
        assertEquals(List.of(), driver().list(baseFolder()), "a removal takes every item of the name");
    }
}
