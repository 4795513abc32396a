package org.alidav.aliyun;

/**
 * The {@code internal_upload} option (docs/open-api.md, "Uploads"): on an Alibaba Cloud server in Beijing, part
 * uploads go to the OSS bucket's internal endpoint instead of the public one. Other URLs are kept.
 */
record UploadUrlRewriter(String from, String to) {
    static final UploadUrlRewriter NONE = new UploadUrlRewriter(null, null);
    static final UploadUrlRewriter BEIJING_INTERNAL = new UploadUrlRewriter("https://cn-beijing-data.aliyundrive.net/",
            "http://ccp-bj29-bj-1592982087.oss-cn-beijing-internal.aliyuncs.com/");

    static UploadUrlRewriter forOption(boolean internalUpload) {
        return internalUpload ? BEIJING_INTERNAL : NONE;
    }

    String rewrite(String url) {
        return from != null && url.startsWith(from) ? to + url.substring(from.length()) : url;
    }
}
