package org.alidav.aliyun;

import java.util.Map;
import okhttp3.OkHttpClient;
import org.alidav.drive.DriverOptions;

/**
 * The Open Platform app of an {@code aliyundrive-open} storage and where its API lives, read from the
 * storage's options exactly as the driver reads them, for a login that runs outside the driver.
 *
 * @param apiBaseUrl   {@code api_base_url} without a trailing slash
 * @param clientId     {@code client_id}, blank when the storage has none
 * @param clientSecret {@code client_secret}, blank when the storage has none
 * @param userAgent    {@code user_agent}: the service fails calls that send none
 */
public record OpenPlatformApp(String apiBaseUrl, String clientId, String clientSecret, String userAgent) {

    /** The app of a storage whose driver options (as written in its config entry) are {@code options}. */
    public static OpenPlatformApp of(Map<String, ?> options) {
        DriverOptions o = new DriverOptions(AliyunOptions.OPTIONS, options);
        return new OpenPlatformApp(AliyunOptions.apiBaseUrl(o), o.get(AliyunOptions.CLIENT_ID).trim(),
                o.get(AliyunOptions.CLIENT_SECRET).trim(), o.get(AliyunOptions.USER_AGENT));
    }

    /** Whether the storage names an app of its own (the QR login needs both halves). */
    public boolean hasCredentials() {
        return !clientId.isBlank() && !clientSecret.isBlank();
    }

    /** An HTTP client with the driver's timeouts and User-Agent, which never resends a POST by itself. */
    public OkHttpClient httpClient() {
        return HttpClients.base(userAgent);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "OpenPlatformApp[" + apiBaseUrl + ", client_id=" + clientId + "]";
    }
}
