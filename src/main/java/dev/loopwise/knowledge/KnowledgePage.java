package dev.loopwise.knowledge;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.KnowledgeFileMessages;
import dev.loopwise.common.KnowledgeMessages;
import dev.loopwise.common.ServingMessages;
import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.common.http.Paging;
import dev.loopwise.common.text.PlainText;
import dev.loopwise.security.Role;
import dev.loopwise.security.SessionStamps;
import dev.loopwise.security.account.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The admin's knowledge-base page: import files (a large one in the background, with progress and cancel), see the articles
 * (found by a word of their title or file name), try a ticket, delete. Roles: admin.
 */
@Path("/admin/knowledge")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class KnowledgePage {
    static final int TRY_LIMIT = 5;
    /** As the search API: the search reads only the first few hundred words, but a pasted mail may be long. */
    private static final int MAX_TRY_CHARS = KnowledgeResource.MAX_TICKET_CHARS;
    /** As the API's article search: a word or two of a title or file name. */
    private static final int MAX_SEARCH_CHARS = KnowledgeResource.MAX_SEARCH_CHARS;

    @Inject
    KnowledgeImporter importer;
    @Inject
    KnowledgeImports imports;
    @Inject
    KnowledgeSearch search;
    @Inject
    DraftWriter draftWriter;
    @Inject
    CurrentUser currentUser;
    @Inject
    SessionStamps stamps;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance knowledge(ArticlePage articles, List<ImportView> importing,
                                                 List<ImportView> ended, String ticket, List<Passage> found,
                                                 double minScore, String notice, String error, String typedUrl,
                                                 boolean llmWritesDrafts);
    }

    /** The page, with the outcome of the import just sent when the address carries one (see {@link ImportNotice}). */
    @GET
    public Response page(@RestQuery("ticket") String ticket, @RestQuery("before") String before,
                         @RestQuery(ImportNotice.IMPORTED) String imported, @RestQuery(ImportNotice.PASSAGES) String passages,
                         @RestQuery(ImportNotice.REPLACED) String replaced,
                         @RestQuery(ImportNotice.SHARED_MORE) String sharedMore, @RestQuery(ImportNotice.LEFT_OUT) String leftOut,
                         @RestQuery(ImportNotice.AT) String at, @RestQuery(ImportNotice.SEAL) String seal,
                         @RestQuery("q") String q, @Context UriInfo uri) {
        Long cursor = Paging.before("before", before);
        String search = searched(q);
        if (search != null && PlainText.length(search) > MAX_SEARCH_CHARS) {
            return render(400, null, null, KnowledgeMessages.searchTooLong("The search", MAX_SEARCH_CHARS));
        }
        if (ticket != null && PlainText.length(ticket) > MAX_TRY_CHARS) {
            return render(400, null, null, "The ticket is longer than " + MAX_TRY_CHARS + " characters: try a shorter one.");
        }
        // As the API's search and every ticket path refuse it: a pasted terminal escape or bell is nothing a customer wrote.
        String control = ticket == null ? null : PlainText.firstControlCharacter(ticket);
        if (control != null) {
            return render(400, null, null, ServingMessages.controlCharacterInTicket(control));
        }
        String notice = ImportNotice.read(imported, passages, replaced,
                ImportNotice.numbered(uri, ImportNotice.SHARED, KnowledgeFileMessages.SHARED_TITLES_NAMED), sharedMore, leftOut,
                ImportNotice.numbered(uri, ImportNotice.LEFT_OUT, KnowledgeMessages.LEFT_OUT_TITLES_NAMED));
        return render(200, ticket, ImportNotice.shown(notice, at, seal, currentUser.name(), Instant.now(), stamps), null, cursor, null,
                search);
    }

    /**
     * The "Try a ticket" form: sent in the body, since a pasted e-mail thread is longer than an address may be. The article
     * list's search and page ({@code q}, {@code before}) come along, so trying a ticket does not lose them.
     */
    @POST
    @Path("/try")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tryTicket(@RestForm("ticket") String ticket, @RestForm("q") String q, @RestForm("before") String before) {
        if (ticket == null || !PlainText.showsSomething(ticket)) {
            String search = searched(q);
            return render(400, null, null, WorkspaceMessages.KNOWLEDGE_TRY_EMPTY, Paging.before("before", before), null,
                    search != null && PlainText.length(search) > MAX_SEARCH_CHARS ? null : search);
        }
        return page(ticket, before, null, null, null, null, null, null, null, q, null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(@RestForm("file") FileUpload file, @RestForm("url") String url) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            return render(400, null, null, "Choose a Markdown, HTML or JSONL file to import.", null, url);
        }
        try {
            KnowledgeImports.Submitted submitted = imports.submit(file.fileName(), file.contentType(),
                    Files.readAllBytes(file.uploadedFile()), url, currentUser.name());
            // Either way a redirect, so a refresh does not upload the file again: the page shows the background import's
            // progress, or what the import done here did.
            return Response.seeOther(submitted.result() == null ? URI.create("/admin/knowledge#imports")
                    : ImportNotice.address(submitted.result(), currentUser.name(), Instant.now(), stamps)).build();
        } catch (ApiException e) {
            // The typed address stays in its field, so fixing it does not mean typing it again.
            return render(e.status.getStatusCode(), null, null, e.getMessage(), null, url);
        }
    }

    /** A background import's progress, for the page's progress bar. */
    @GET
    @Path("/imports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ImportView importStatus(@PathParam("id") long id) {
        return imports.view(id);
    }

    @POST
    @Path("/imports/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancelImport(@PathParam("id") long id) {
        imports.view(id);
        imports.cancel(id, currentUser.name()); // an import that ended meanwhile shows its outcome on the page
        return Response.seeOther(URI.create("/admin/knowledge#imports")).build();
    }

    @POST
    @Path("/articles/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, @RestForm("q") String q, @RestForm("before") String before) {
        Long cursor = Paging.before("before", before); // refused before anything is deleted
        importer.delete(id, currentUser.name());
        // Back to the list the article was deleted from: the same search and page.
        return Response.seeOther(URI.create(ArticlePage.address(cursor, searched(q)))).build();
    }

    /** The article list's search as typed: none when left empty. */
    private static String searched(String q) {
        return q == null || q.isBlank() ? null : q.strip();
    }

    private Response render(int status, String ticket, String notice, String error) {
        return render(status, ticket, notice, error, null);
    }

    private Response render(int status, String ticket, String notice, String error, Long before) {
        return render(status, ticket, notice, error, before, null, null);
    }

    private Response render(int status, String ticket, String notice, String error, Long before, String typedUrl) {
        return render(status, ticket, notice, error, before, typedUrl, null);
    }

    private Response render(int status, String ticket, String notice, String error, Long before, String typedUrl, String articleSearch) {
        String tried = ticket == null || !PlainText.showsSomething(ticket) ? null : ticket.strip();
        List<Passage> found = tried == null ? List.of() : search.nearest(tried, TRY_LIMIT);
        return Response.status(status).entity(Templates.knowledge(ArticlePage.of(before, articleSearch), imports.open(), imports.recentlyEnded(), tried,
                found, search.minScore(), notice, error, typedUrl, draftWriter.writesDrafts())).build();
    }
}
