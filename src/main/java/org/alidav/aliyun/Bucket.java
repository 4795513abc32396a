package org.alidav.aliyun;

/** The three rate classes the Open API limits separately per user and app (docs/open-api.md, "Rate limits and errors"). */
enum Bucket {
    LIST, LINK, OTHER
}
