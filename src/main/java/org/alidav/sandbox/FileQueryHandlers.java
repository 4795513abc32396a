package org.alidav.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Read-only file routes: list, get, get_by_path, batch/get, search. */
final class FileQueryHandlers {
    private static final int LIST_DEFAULT = 50;
    private static final int LIST_MAX = 200;
    private static final int SEARCH_MAX = 100;

    private final DriveAccess access;
    private final FileTree tree;
    private final SandboxOptions options;
    private final FileObjectLinks links;

    FileQueryHandlers(DriveAccess access, SandboxOptions options, FileObjectLinks links) {
        this.access = access;
        this.tree = access.tree();
        this.options = options;
        this.links = links;
    }

    void register(ApiRoutes routes) {
        routes.post("openFile/list", RateLimiter.RateClass.LIST, this::list);
        routes.post("openFile/get", RateLimiter.RateClass.OTHER, this::get);
        routes.post("openFile/get_by_path", RateLimiter.RateClass.OTHER, this::getByPath);
        routes.post("openFile/batch/get", RateLimiter.RateClass.OTHER, this::batchGet);
        routes.post("openFile/search", RateLimiter.RateClass.OTHER, this::search);
    }

    private Object list(ApiCall call) {
        RequestBody b = call.body();
        String drive = access.drive(call);
        String parent = access.folder(drive, b.requireText("parent_file_id"));
        long limit = b.longValue("limit", LIST_DEFAULT);
        if (limit < 1 || limit > LIST_MAX) {
            throw ApiException.badRequest("InvalidParameter.Limit", "The input parameter limit is not valid.");
        }
        if (options.clampListLimitTo100()) {
            limit = Math.min(limit, 100); // what the docs say the real maximum is
        }
        Predicate<FileNode> filter = typeFilter(b.text("type", "all")).and(categoryFilter(b.text("category", "")));
        Comparator<FileNode> order = ListOrder.of(b.text("order_by"), b.text("order_direction"));
        List<FileNode> items = tree.children(drive, parent).stream()
                .filter(this::listed).filter(filter).sorted(order).toList();
        return page(Pages.slice(items, b.text("marker"), (int) limit), call);
    }

    /** Completed items, and upload sessions when the options say listings show them. */
    private boolean listed(FileNode n) {
        return n.isVisible() || options.listUnfinishedUploads() && n.state() == FileNode.State.UPLOADING;
    }

    private Object get(ApiCall call) {
        String drive = access.drive(call);
        String id = call.body().requireText("file_id");
        if (FileNode.ROOT.equals(id)) return FileView.root(drive);
        if (options.listUnfinishedUploads()) {
            FileNode n = access.anyState(drive, id);
            if (n.state() == FileNode.State.UPLOADING) return FileView.of(n);
        }
        return links.view(access.active(drive, id), call);
    }

    private Object getByPath(ApiCall call) {
        String drive = access.drive(call);
        String path = call.body().requireText("file_path");
        if (!path.startsWith("/")) {
            throw ApiException.badRequest("InvalidParameter.FilePath", "file_path must be absolute");
        }
        String[] segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        if (segments.length == 0) {
            return FileView.root(drive);
        }
        String parent = FileNode.ROOT;
        FileNode found = null;
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            found = tree.visibleNamed(drive, parent, segments[i]).stream()
                    .filter(n -> last || n.isFolder()).findFirst()
                    .orElseThrow(() -> new ApiException(404, "NotFound.File",
                            "The resource file cannot be found. file not exist"));
            parent = found.fileId();
        }
        return links.view(found, call);
    }

    private Object batchGet(ApiCall call) {
        JsonNode list = call.body().array("file_list");
        if (list.isEmpty()) {
            throw ApiException.missing("file_list");
        }
        if (list.size() > 100) {
            throw ApiException.badRequest("InvalidParameter.FileList", "at most 100 entries");
        }
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (JsonNode e : list) {
            RequestBody entry = new RequestBody(e instanceof ObjectNode o ? o : Json.object());
            String drive = access.checkDrive(call, entry.requireText("drive_id"));
            String id = entry.requireText("file_id");
            FileNode n = tree.get(id).orElse(null);
            if (n != null && n.driveId().equals(drive) && n.isVisible() && !tree.inRecycleBin(n)) {
                items.add(links.view(n, call));
            }
        }
        ObjectNode o = Json.object();
        o.set("items", items);
        return o;
    }

    private Object search(ApiCall call) {
        RequestBody b = call.body();
        String drive = access.drive(call);
        long limit = b.longValue("limit", SEARCH_MAX);
        if (limit < 1 || limit > SEARCH_MAX) {
            throw ApiException.badRequest("InvalidParameter.Limit", "The input parameter limit is not valid.");
        }
        Predicate<FileNode> query = SearchQuery.parse(b.text("query"));
        String[] orderBy = b.text("order_by", "updated_at DESC").trim().split("\\s+");
        Comparator<FileNode> order = ListOrder.of(orderBy[0], orderBy.length > 1 ? orderBy[1] : "ASC");
        List<FileNode> items = tree.matching(n -> n.driveId().equals(drive) && n.isVisible()).stream()
                .filter(n -> !tree.inRecycleBin(n)).filter(query).sorted(order).toList();
        ObjectNode o = page(Pages.slice(items, b.text("marker"), (int) limit), call);
        if (b.bool("return_total_count", false)) {
            o.put("total_count", items.size());
        }
        return o;
    }

    private ObjectNode page(Pages.Page<FileNode> page, ApiCall call) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        page.items().forEach(n -> arr.add(links.view(n, call)));
        ObjectNode o = Json.object();
        o.set("items", arr);
        o.put("next_marker", page.nextMarker());
        return o;
    }

    private static Predicate<FileNode> typeFilter(String type) {
        return switch (type) {
            case "all" -> n -> true;
            case "file" -> n -> !n.isFolder();
            case "folder" -> FileNode::isFolder;
            default -> throw ApiException.badRequest("InvalidParameter.Type", "The input parameter type is not valid.");
        };
    }

    private static Predicate<FileNode> categoryFilter(String categories) {
        if (categories.isEmpty()) {
            return n -> true;
        }
        Set<String> wanted = new HashSet<>(Arrays.asList(categories.split("\\s*,\\s*")));
        return n -> !n.isFolder() && wanted.contains(FileTypes.category(n.name()));
    }
}
