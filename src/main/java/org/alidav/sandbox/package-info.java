/**
 * Offline emulator of the AliyunDrive (alipan) Open API, written from
 * the facts in docs/open-api.md only.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * SandboxClock clock = SandboxClock.startingNow();              // optional: lets tests move time
 * try (SandboxServer sb = SandboxServer.start(SandboxOptions.builder()
 *         .dataDir(dir).clock(clock).build())) {
 *     String refresh = sb.issueRefreshToken("alice");           // user + 3 drives created if absent
 *     // POST sb.baseUrl() + "/oauth/access_token" {grant_type, client_id: sb.clientId(),
 *     //      client_secret: sb.clientSecret(), refresh_token}
 *     // POST sb.baseUrl() + "/adrive/v1.0/openFile/list" with "Authorization: Bearer <access_token>"
 *     sb.faults().expireAccessTokens();                          // see FaultPlan
 *     sb.faults().inject(Fault.html(CREATE, 502).after());       // applied, then a gateway error page
 *     Stall s = sb.faults().inject(Fault.stall(CallStats.OBJECT_PUT).skipping(1)).stall();
 *     s.awaitReached(Duration.ofSeconds(10));                    // the 2nd part upload is held...
 *     s.release();                                               // ...until the test lets it go
 *     long lists = sb.stats().count("/adrive/v1.0/openFile/list");
 * }
 * }</pre>
 *
 * <h2>Live photos</h2>
 * Upload a file whose name ends in {@code .livp} and whose content is a ZIP holding an image entry
 * ({@code .heic}, {@code .jpeg} or {@code .jpg}) and a {@code .mov} entry. getDownloadUrl then answers
 * without {@code url} but with {@code streamsUrl}/{@code streams_url} {@code {jpeg, mov}}, each serving
 * the bytes of that entry. A {@code .livp} that is not a readable ZIP is served as a plain file.
 * Listings carry no {@code streams_info} and no {@code url} for live photos, so a client learns a
 * stream's size only by reading it.
 *
 * <h2>Links in file objects</h2>
 * list, get, get_by_path, batch/get and search give every other file under 5,000,000 bytes a download
 * {@code url} like getDownloadUrl's (docs/open-api.md, Download links); {@code faults().withholdFileObjectLinks(true)}
 * answers without them.
 *
 * <h2>Choices where the facts are uncertain</h2>
 * PreHashMatched answers 400 (option), ForbiddenFileInTheRecycleBin 400 (option), list accepts
 * limit 1..200 (option: serve at most 100), reuse of a rotated refresh token answers 401
 * RefreshTokenExpired and an unknown one 400 RefreshTokenInvalid, update without check_name_mode
 * duplicates, move defaults to refuse, auto_rename uses {@code name(1).ext}, update with refuse and a
 * conflict answers 409 AlreadyExist.File, a frozen account answers 403 UserNotAllowedAccessResource.
 */
package org.alidav.sandbox;
