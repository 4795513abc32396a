package org.alidav.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PemIdentityReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestCertificates.KeyForm.class)
    void everyKeyFormIsRead(TestCertificates.KeyForm form) throws Exception {
        TestCertificates.Pair pair = TestCertificates.authority(dir).server(dir, "server", form);
        String header = Files.readString(pair.key()).lines().findFirst().orElseThrow();
        assertEquals(switch (form) {
            case PKCS8 -> "-----BEGIN PRIVATE KEY-----";
            case PKCS1_RSA -> "-----BEGIN RSA PRIVATE KEY-----";
            case SEC1_EC -> "-----BEGIN EC PRIVATE KEY-----";
        }, header);
        PemIdentity identity = PemIdentityReader.read(pair.cert(), pair.key());
        assertEquals(pair.certificate(), identity.leaf());
        assertEquals(2, identity.chain().size(), "leaf and CA of the full chain");
        assertTrue(identity.keyStore().isKeyEntry(PemIdentity.ALIAS));
        assertTrue(identity.fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), identity.fingerprint());
    }

    /** openssl ecparam -genkey writes the curve's parameters before the key. */
    @Test
    void ecParametersBeforeTheKeyAreSkipped() throws Exception {
        TestCertificates.Pair pair = TestCertificates.authority(dir).server(dir, "server", TestCertificates.KeyForm.SEC1_EC);
        Files.writeString(pair.key(), "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                + Files.readString(pair.key()));
        assertEquals(pair.certificate(), PemIdentityReader.read(pair.cert(), pair.key()).leaf());
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedInOneLine() throws Exception {
        TestCertificates ca = TestCertificates.authority(dir);
        TestCertificates.Pair one = ca.server(dir, "one", TestCertificates.KeyForm.PKCS8);
        TestCertificates.Pair other = ca.server(dir, "other", TestCertificates.KeyForm.SEC1_EC);
        TlsFileException e = assertThrows(TlsFileException.class, () -> PemIdentityReader.read(one.cert(), other.key()));
        assertEquals(other.key() + ": this key does not belong to the certificate in " + one.cert(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void filesWithoutTheExpectedBlocksAreNamed() throws Exception {
        TestCertificates.Pair pair = TestCertificates.authority(dir).server(dir, "server", TestCertificates.KeyForm.PKCS8);
        TlsFileException swapped = assertThrows(TlsFileException.class, () -> PemIdentityReader.read(pair.key(), pair.cert()));
        assertTrue(swapped.getMessage().startsWith(pair.key() + ": no PEM certificate"), swapped.getMessage());
        TlsFileException missing = assertThrows(TlsFileException.class, () -> PemIdentityReader.read(pair.cert(), dir.resolve("none.key")));
        assertEquals(dir.resolve("none.key") + ": no such file", missing.getMessage());
    }
}
