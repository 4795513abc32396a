package org.alidav.aliyun;

/** The three rate classes the Open API limits separately per user and app (fact sheet §10.1). */
enum Bucket {
    LIST, LINK, OTHER
}
