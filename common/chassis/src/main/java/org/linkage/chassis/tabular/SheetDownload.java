package org.linkage.chassis.tabular;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * An export as a download. Checks (rights, filters) must run before this, in the resource: the rows are written
 * while the response streams, after its status is sent.
 */
public final class SheetDownload {

    /** rows is called once with the open writer; it writes each row as it reads it (e.g. from a result stream). */
    public static Response of(SheetFormat format, String fileName, List<String> header, ZoneId zone,
                              Consumer<SheetWriter> rows) {
        StreamingOutput body = out -> {
            try (SheetWriter writer = SheetWriter.open(format, out, header, zone)) {
                rows.accept(writer);
            }
        };
        return Response.ok(body, format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + fileName + "." + format.extension() + "\"")
                .build();
    }

    private SheetDownload() {
    }
}
