package org.alidav.login;

/**
 * A QR code the service issued for one login.
 *
 * @param sid  the service's id of the code, polled for its status
 * @param link the authorization page of the code: what the QR code encodes, and what a phone or a
 *             browser can open instead of scanning
 */
public record QrTicket(String sid, String link) {
}
