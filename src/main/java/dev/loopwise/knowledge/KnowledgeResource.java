package dev.loopwise.knowledge;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.KnowledgeMessages;
import dev.loopwise.common.ServingMessages;
import dev.loopwise.common.http.ErrorResponsesOpenApi;
import dev.loopwise.common.http.FormValues;
import dev.loopwise.common.http.Paging;
import dev.loopwise.common.http.QueryParameters;
import dev.loopwise.common.json.JsonStrictness;
import dev.loopwise.common.text.PlainText;
import dev.loopwise.security.Role;
import dev.loopwise.security.account.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The knowledge base over the API: import a file (the body is the file: Markdown, HTML or JSONL, told apart by
 * {@code name}'s ending or the content type; a large one is imported in the background), follow or cancel a background
 * import, list, delete, and search as a ticket would. Roles: admin.
 */
@Path("/api/v1/knowledge")
@Tag(name = "Knowledge base")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeResource {
    static final int MAX_LIMIT = 50;
    /** Most articles listed by one request: a knowledge base of thousands is read a page at a time. */
    static final int MAX_PAGE = 1000;
    /**
     * Longest ticket searched: a long email thread pasted whole still fits, while a megabyte of text (which took half
     * a minute to tokenize) is refused; the encoder reads only the first few hundred words anyway.
     */
    static final int MAX_TICKET_CHARS = 20_000;
    /** Longest text an article search looks for: a word or two of a title or file name, typed by a person. */
    static final int MAX_SEARCH_CHARS = 200;
    private static final String ARTICLES = "/api/v1/knowledge/articles/";

    @Inject
    KnowledgeImporter importer;
    @Inject
    KnowledgeImports imports;
    @Inject
    KnowledgeSearch search;
    @Inject
    CurrentUser currentUser;

    /**
     * 201 with what was imported when the file is small enough to import while the request waits; otherwise 202 with
     * the background import, to follow at its {@code Location}. Either way a bad file is a 400 and nothing is stored.
     */
    private static final String SEARCH_REFUSED = ErrorResponsesOpenApi.BAD_INPUT + ", missing_query (no ticket text in q), text_too_long"
            + " (a ticket longer than LOOPWISE_SERVING_MAX_TEXT_LENGTH)";
    private static final String ARTICLES_REFUSED = ErrorResponsesOpenApi.BAD_INPUT + "; validation_failed also for a q longer than 200"
            + " characters";
    private static final String ARTICLE_EXAMPLE = """
            # Where is my order?

            Orders ship within 2 working days. The tracking link is in the shipping email; it starts to show the parcel a day later.
            """;

    @Operation(summary = "Import help articles",
            description = "Markdown, HTML or JSON lines, split into passages that ground the LLM's drafts; name gives the file's name, url the article's address.")
    @APIResponse(responseCode = "201", description = "A small file, imported while the request waited; articleIds names what it stored",
            headers = @Header(name = "Location", description = "The article's address, /api/v1/knowledge/articles/{id}, when the file held"
                    + " one article; a JSON lines file of several has none: read each of articleIds there", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KnowledgeImporter.Result.class)))
    @APIResponse(responseCode = "202", description = "A larger file, imported in the background: follow it at the Location",
            headers = @Header(name = "Location", description = "The import's address, /api/v1/knowledge/imports/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "400", description = "The file has a problem, named in the message; nothing was imported. Codes: unsupported_type,"
            + " empty_file, binary_file, not_utf8, compressed_file, file_too_large, invalid_file, invalid_name (the name parameter: not"
            + " one plain line, or ending in a dot), invalid_url (the url parameter: not an http:// or https:// address of at most 900"
            + " characters, or given with a JSONL file, whose rows carry their own)")
    @POST
    @Path("/articles")
    @Consumes(MediaType.WILDCARD) // any type reaches the importer, which names the formats it takes in its 400
    public Response importFile(@RequestBody(required = true, description = "The file itself, read by the ending of name, else by its"
            + " Content-Type (text/markdown, text/html, application/x-ndjson, application/json)", content = @Content(mediaType = MediaType.WILDCARD,
            schema = @Schema(type = SchemaType.STRING), example = ARTICLE_EXAMPLE)) byte[] body,
            @Parameter(description = "The file's name; its ending (.md, .html, .jsonl, ...) says how to read it, else the Content-Type"
                    + " does; a name ending in .pdf, .docx, .zip, .csv and the like is refused whatever the Content-Type; empty counts as"
                    + " left out") @QueryParam("name") String name,
            @Parameter(description = "The article's address, shown to reviewers as a link beside the passages: an http:// or https://"
                    + " address of at most 900 characters, for a Markdown or HTML file (a JSONL file's rows carry their own); empty"
                    + " counts as left out") @QueryParam("url") String url,
            @Context HttpHeaders headers) {
        String type = headers.getMediaType() == null ? null : headers.getMediaType().toString();
        KnowledgeImports.Submitted submitted = imports.submit(name, type, body, url, currentUser.name());
        if (submitted.result() != null) {
            // A file of one article names it; a JSON lines file of several lists their ids in the answer, each read at its
            // own address, as no one address holds them all.
            List<Long> ids = submitted.result().articleIds();
            return (ids.size() == 1 ? Response.created(URI.create(ARTICLES + ids.get(0))) : Response.status(Response.Status.CREATED))
                    .entity(submitted.result()).build();
        }
        return Response.accepted(submitted.started())
                .location(URI.create("/api/v1/knowledge/imports/" + submitted.started().id())).build();
    }

    /** A background import: its progress while it runs, its outcome once it ended. */
    @Operation(summary = "Follow a background knowledge import",
            description = "Status, passages embedded so far and, once done, the summary.")
    @GET
    @Path("/imports/{id}")
    public ImportView importStatus(@PathParam("id") long id) {
        return imports.view(id);
    }

    /** Stops a background import (a running one after the batch it is embedding); nothing of its file is kept. */
    @Operation(summary = "Cancel a background knowledge import", description = "Nothing of the file is kept.")
    @APIResponse(responseCode = "200", description = "The import, cancelled")
    @APIResponse(responseCode = "409", description = "The import has already ended. Code: import_finished")
    @POST
    @Path("/imports/{id}/cancel")
    public ImportView cancelImport(@PathParam("id") long id) {
        imports.view(id);
        if (!imports.cancel(id, currentUser.name())) {
            throw ApiException.conflict("import_finished", "Knowledge import " + id + " has already ended; there is nothing to cancel.");
        }
        return imports.view(id);
    }

    @Operation(summary = "List knowledge-base articles",
            description = "With passage counts, most recently imported first, a page at a time; q lists only those whose title or file name holds it.")
    @APIResponse(responseCode = "200", description = "The articles, most recently imported first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ArticleSummary.class)))
    @APIResponse(responseCode = "400", description = ARTICLES_REFUSED)
    @GET
    @Path("/articles")
    public RestResponse<List<ArticleSummary>> articles(
            @Parameter(description = "Articles a page, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
            @Parameter(description = "Rows to skip; prefer before, which stays right while rows are added") @QueryParam("offset") String offset,
            @Parameter(description = "An article id: list the articles imported before it (the next page)") @QueryParam("before") String before,
            @Parameter(description = "Optional: only the articles whose title or file name holds this text, upper and lower case alike"
                    + " (% and _ are looked for as they are), at most 200 characters; empty lists every article") @QueryParam("q") String q,
            @Context UriInfo uri) {
        Paging.Request request = Paging.read("limit", limit, 100, MAX_PAGE, "offset", offset, false, before);
        String search = q == null || q.isBlank() ? null : q.strip();
        if (search != null && PlainText.length(search) > MAX_SEARCH_CHARS) {
            throw ApiException.invalidParameter("q", KnowledgeMessages.searchTooLong("q", MAX_SEARCH_CHARS));
        }
        List<ArticleSummary> fetched = request.pastTheEnd() ? List.of()
                : KnowledgeArticle.page(request.before(), (int) request.offset(), request.fetch(), search);
        return Paging.respond(fetched, request, ArticleSummary::id, a -> a, uri, "offset");
    }

    @Operation(summary = "Get a knowledge-base article", description = "As the list shows it, with its passage count.")
    @APIResponse(responseCode = "200", description = "The article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleSummary.class)))
    @APIResponse(responseCode = "404", description = "No article has that id: it may have been deleted, or replaced by a newer import of"
            + " the same article under a new id. Code: not_found")
    @GET
    @Path("/articles/{id}")
    public ArticleSummary article(@PathParam("id") long id) {
        return KnowledgeArticle.summary(id).orElseThrow(() -> ApiException.notFound(KnowledgeMessages.noArticle(id)));
    }

    @Operation(summary = "Delete a knowledge-base article", description = "With its passages.")
    @APIResponse(responseCode = "204", description = "The article and its passages are deleted")
    @DELETE
    @Path("/articles/{id}")
    public Response delete(@PathParam("id") long id) {
        importer.delete(id, currentUser.name());
        return Response.noContent().build();
    }

    /** The same search with the ticket in the body: an address holds about 4 KB, a ticket may be longer. */
    @Operation(summary = "Search the knowledge base (ticket in the body)",
            description = "As the GET, for a ticket too long for an address.")
    @APIResponse(responseCode = "200", description = "The passages, best first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = FoundPassage.class)))
    @APIResponse(responseCode = "400", description = SEARCH_REFUSED)
    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<FoundPassage> searchBody(KnowledgeSearchRequest request) {
        if (request == null) {
            throw ApiException.badRequest("missing_query", "Send {\"q\": \"the ticket's text\"} (and optionally \"limit\", \"all\").");
        }
        return search(request.q(), request.limit() == null ? 5 : request.limit(),
                request.all() == null ? null : String.valueOf(request.all()));
    }

    /** The passages a ticket would be grounded with ({@code all=true}: the closest ones whatever their score). */
    @Operation(summary = "Search the knowledge base",
            description = "The passages that would ground this ticket, best first; all=true also those below the minimum score.")
    @APIResponse(responseCode = "200", description = "The passages, best first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = FoundPassage.class)))
    @APIResponse(responseCode = "400", description = SEARCH_REFUSED)
    @GET
    @Path("/search")
    public List<FoundPassage> search(
            @Parameter(description = "The ticket whose grounding passages to find") @QueryParam("q") String ticket,
            @Parameter(description = "Passages to return, 1 to 50 (default 5)") @QueryParam("limit") String limit,
            @Parameter(description = "true also lists passages below the minimum score") @QueryParam("all") String allParameter,
            @Context UriInfo uri) {
        return search(ticket, Paging.limit("limit", limit, 5, MAX_LIMIT), QueryParameters.asSent(uri, "all", allParameter));
    }

    private List<FoundPassage> search(String ticket, int limit, String allParameter) {
        boolean all = FormValues.apiBool("all", allParameter, false);
        if (ticket == null || !PlainText.showsSomething(ticket)) {
            throw ApiException.badRequest("missing_query", "Give the ticket's text as 'q': in the JSON body of a POST"
                    + " ({\"q\": \"how do I return my shoes\"}), or in the address of a GET (?q=how%20do%20I%20return%20my%20shoes).");
        }
        // A GET's address is not read by the JSON reader, which refuses these in a POST's body.
        JsonStrictness.checkText("q", ticket);
        String control = PlainText.firstControlCharacter(ticket);
        if (control != null) {
            throw ApiException.badRequest("invalid_text", ServingMessages.controlCharacterInTicket(control));
        }
        if (PlainText.length(ticket) > MAX_TICKET_CHARS) {
            throw ApiException.badRequest("text_too_long", "The ticket is " + PlainText.length(ticket) + " characters long; search with at most "
                    + MAX_TICKET_CHARS + ": the search reads only its first few hundred words anyway.");
        }
        Paging.limit("limit", limit, String.valueOf(limit), MAX_LIMIT);
        List<Passage> found = all ? search.nearest(ticket, limit) : search.search(ticket, limit);
        return found.stream().map(p -> new FoundPassage(p.id(), p.articleTitle(), p.articleUrl(), p.text(), p.score(),
                KnowledgeFormats.match(p, search.minScore()))).toList();
    }
}
