package dev.loopwise.ticket;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.DriftMessages;
import dev.loopwise.common.Messages;
import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.common.file.TextFiles;
import dev.loopwise.common.http.FormValues;
import dev.loopwise.security.Role;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The admin's workspace pages: import tickets, edit intents, edit the reply library. Roles: admin. */
@Path("/admin")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class WorkspacePages {
    @Inject
    TicketImporter importer;
    @Inject
    WorkspaceService workspace;
    @Inject
    LabellingTarget labellingTarget;

    @CheckedTemplate
    static class Templates {
        /** {@code replyless}: the file's new intents (out of scope aside) that the library has no reply for yet. */
        static native TemplateInstance importer(TicketImporter.Result result, String error, List<String> replyless);

        /** {@code refusedField}: the field of "Add an intent" at fault; {@code refusedRow}: the one of the list's rows. */
        static native TemplateInstance intents(List<IntentFormRow> intents, IntentFormRow added, String error, String notice, IntentsNextStep next,
                                               String refusedField, IntentFieldRefused refusedRow);

        /** The Intents page's step for intents with too few tickets, alone. */
        static native TemplateInstance intents$fewTickets(IntentsNextStep next);

        /** {@code typed}: a refused new reply's text, shown again in the form so that nothing typed is lost. */
        static native TemplateInstance replies(List<Intent> intents, List<Reply> replies, String error, String notice, String selected,
                                               String typed, String refusedField);
    }

    @GET
    @Path("/import")
    public TemplateInstance importForm() {
        return Templates.importer(null, null, List.of());
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(@RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.size() == 0) {
            boolean chosen = file != null && file.fileName() != null && !file.fileName().isBlank();
            return Response.status(400).entity(Templates.importer(null, chosen ? WorkspaceMessages.emptyImportFile(file.fileName())
                    : "Choose a CSV or JSONL file to import.", List.of())).build();
        }
        try {
            String text = TextFiles.utf8(file.uploadedFile(), file.fileName());
            TicketFile.Parsed parsed = TicketFile.read(new StringReader(text), TicketFile.guess(file.fileName(), text)).ofNamedFile(file.fileName());
            TicketImporter.Result result = importer.importTickets(parsed);
            return Response.ok(Templates.importer(result, null, ImportFormats.replyless(result))).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(Templates.importer(null, e.getMessage(), List.of())).build();
        }
    }

    @GET
    @Path("/intents")
    public TemplateInstance intents(@RestQuery String saved, @RestQuery String removed, @RestQuery String into, @RestQuery String renamed,
                                    @RestQuery String unchanged) {
        // Only a notice about what happened: the address is typeable, so the removed intent must be gone and a merge's target there.
        String notice = removed != null && Intent.findByName(removed).isEmpty() && (into == null || Intent.findByName(into).isPresent())
                ? WorkspaceMessages.intentRemoved(removed, into)
                : FormValues.bool("saved", saved, false) ? (FormValues.bool("renamed", renamed, false)
                        ? WorkspaceMessages.INTENT_RENAMED : "Saved. The next version trained on Models reads the new description.")
                : FormValues.bool("unchanged", unchanged, false) ? WorkspaceMessages.INTENTS_UNCHANGED
                : null;
        return intentsPage(IntentFormRow.stored(null, null, null), null, null, notice);
    }

    @POST
    @Path("/intents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createIntent(@RestForm String name, @RestForm String description) {
        return intentChange(() -> workspace.saveIntent(null, name, description), null, name, description);
    }

    /** The Intents page's one form: every changed intent is saved, or none (roles: admin). */
    @POST
    @Path("/intents/all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateIntents(@RestForm("id") List<Long> ids, @RestForm("name") List<String> names,
                                  @RestForm("description") List<String> descriptions) {
        try {
            boolean renamed = renames(ids, names);
            if (workspace.saveIntents(ids, names, descriptions) == 0) {
                return Response.seeOther(URI.create("/admin/intents?unchanged=true")).build();
            }
            return Response.seeOther(URI.create("/admin/intents?saved=true" + (renamed ? "&renamed=true" : ""))).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(intentsPage(IntentFormRow.typed(ids, names, descriptions), null, e.getMessage(),
                    null, null, e instanceof IntentFieldRefused.Refusal row ? row.at : null)).build();
        }
    }

    /** Whether the form renames an intent (its typed name differs from the stored one). */
    private static boolean renames(List<Long> ids, List<String> names) {
        if (ids == null || names == null || ids.size() != names.size()) {
            return false;
        }
        for (int i = 0; i < ids.size(); i++) {
            Intent stored = ids.get(i) == null ? null : Intent.findById(ids.get(i));
            if (stored != null && names.get(i) != null && !names.get(i).strip().equals(stored.name)) {
                return true;
            }
        }
        return false;
    }

    @POST
    @Path("/intents/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateIntent(@PathParam("id") long id, @RestForm String name, @RestForm String description) {
        return intentChange(() -> workspace.saveIntent(id, name, description), id, name, description);
    }

    /** Removes an intent, or merges it into another one: its tickets and replies move there (roles: admin). */
    @POST
    @Path("/intents/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeIntent(@RestForm String intent, @RestForm String into) {
        try {
            WorkspaceService.IntentRemoval done = workspace.removeIntent(intent, into);
            return Response.seeOther(UriBuilder.fromPath("/admin/intents").queryParam("removed", done.name())
                    .queryParam("into", done.into() == null ? new Object[0] : new Object[] {done.into()}).build()).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(intentsPage(IntentFormRow.stored(null, null, null), null, e.getMessage(), null))
                    .build();
        }
    }

    /** After a new topic was labelled on the drift page, the page names it and preselects it for its first reply. */
    @GET
    @Path("/replies")
    public TemplateInstance replies(@RestQuery String intent, @RestQuery Integer labelled, @RestQuery String created,
                                    @RestQuery String saved) {
        boolean isNew = FormValues.bool("created", created, false);
        // Only a notice about what happened: an intent that exists, a count that could be one (the address is typeable).
        String notice = intent == null || labelled == null || labelled < 0 || Intent.findByName(intent).isEmpty() ? null
                : DriftMessages.topicLabelled(intent, labelled, isNew, Intent.findByName(intent).map(i -> Ticket.countWithIntent(i)).orElse(0L),
                        Intent.TICKETS_PER_NEW_INTENT);
        if (notice == null && FormValues.bool("saved", saved, false)) {
            notice = "Saved. Answers use the library as it is now within a few seconds.";
        }
        return Templates.replies(answerable(), Reply.listActive(), null, notice, intent, null, null);
    }

    @POST
    @Path("/replies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createReply(@RestForm String intent, @RestForm String text) {
        return replyChange(() -> workspace.saveReply(null, intent, text), intent, text, true);
    }

    @POST
    @Path("/replies/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateReply(@PathParam("id") long id, @RestForm String intent, @RestForm String text) {
        return replyChange(() -> workspace.saveReply(id, intent, text), null, null, false);
    }

    @POST
    @Path("/replies/{id}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retireReply(@PathParam("id") long id) {
        return replyChange(() -> workspace.retireReply(id), null, null, false);
    }

    /** {@code id}: the intent the form changed, null for a new one; its typed values are shown again if refused. */
    private Response intentChange(Runnable change, Long id, String name, String description) {
        try {
            change.run();
            return Response.seeOther(URI.create("/admin/intents?saved=true")).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(intentsPage(IntentFormRow.stored(id, name, description),
                    id == null ? new IntentFormRow(null, name, description) : null, e.getMessage(), null,
                    id == null ? WorkspaceFields.ofIntent(e) : null, null)).build();
        }
    }

    /** {@code added}: the change came from "Add a reply", whose field at fault the refused page marks. */
    private Response replyChange(Runnable change, String typedIntent, String typedText, boolean added) {
        try {
            change.run();
            return Response.seeOther(URI.create("/admin/replies?saved=true")).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(Templates.replies(answerable(), Reply.listActive(), e.getMessage(), null,
                    typedIntent, typedText, added ? WorkspaceFields.ofReply(e) : null)).build();
        }
    }

    /** The Intents page with its next step worked out from the intents as they stand now. */
    private TemplateInstance intentsPage(List<IntentFormRow> intents, IntentFormRow added, String error, String notice) {
        return intentsPage(intents, added, error, notice, null, null);
    }

    private TemplateInstance intentsPage(List<IntentFormRow> intents, IntentFormRow added, String error, String notice,
                                         String refusedField, IntentFieldRefused refusedRow) {
        return Templates.intents(intents, added, error, notice, IntentsNextStep.of(Intent.listByName(), Ticket.countsByIntent(),
                Reply.countsByIntent(), labellingTarget.ticketsToLearnWell(), Ticket.countUnlabelled()), refusedField, refusedRow);
    }

    /** Intents a reply can answer: the hand-over intent's tickets go to a person, never to a library reply. */
    private static List<Intent> answerable() {
        return Intent.listByName().stream().filter(i -> !Intent.OUT_OF_SCOPE.equals(i.name)).toList();
    }
}
