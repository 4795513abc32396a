package org.alidav.aliyun;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the Open API answers the driver reads (docs/open-api.md, "Answers"); all fields optional. */
final class ApiModel {
    private ApiModel() {
    }

    /** An answer about one item, which it names; one without {@code file_id} is not an answer. */
    interface Identified {
        String fileId();
    }

    record DriveInfo(String userId, String defaultDriveId, String resourceDriveId, String backupDriveId) {
    }

    record SpaceInfo(PersonalSpace personalSpaceInfo) {
    }

    record PersonalSpace(long usedSize, long totalSize) {
    }

    /**
     * A file or folder; create and rapid answers name it {@code file_name}. {@code url} is a download
     * link for small files, or an image's preview (docs/open-api.md, Download links).
     */
    record FileItem(String fileId, String parentFileId, String name, String fileName, String type, Long size,
                    String fileExtension, String contentHash, String mimeType, String createdAt, String updatedAt,
                    String localModifiedAt, String localCreatedAt, String status, JsonNode streamsInfo,
                    Boolean exist, String url, String category) implements Identified {
        String displayName() {
            return name != null && !name.isEmpty() ? name : fileName;
        }
    }

    record FileList(List<FileItem> items, String nextMarker) {
    }

    record DownloadUrl(String url, String expiration, @JsonAlias("streamsUrl") Map<String, String> streamsUrl) {
    }

    record PartInfo(int partNumber, String uploadUrl) {
    }

    record CreateResult(String fileId, String fileName, String type, String uploadId, Boolean exist,
                        Boolean rapidUpload, List<PartInfo> partInfoList) implements Identified {
        boolean existed() {
            return Boolean.TRUE.equals(exist);
        }

        boolean rapid() {
            return Boolean.TRUE.equals(rapidUpload);
        }
    }

    record UploadUrls(List<PartInfo> partInfoList) {
    }

    /** Answer of move and copy. */
    record TaskResult(String fileId, Boolean exist, String asyncTaskId) implements Identified {
        boolean existed() {
            return Boolean.TRUE.equals(exist);
        }
    }

    record AsyncTask(String asyncTaskId, String state) {
    }

    record TokenAnswer(String accessToken, String refreshToken, Long expiresIn, String text) {
    }
}
