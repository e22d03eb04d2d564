package dev.loopwise.cli;

import static dev.loopwise.cli.CommandFilesTest.evalIntents;
import static dev.loopwise.cli.CommandFilesTest.tickets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What eval-intents and simulate make of labels, splits and options a file or a hand may get wrong. */
class EvalInputsTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void labelsSpeltInOtherCaseAreOneIntentAndOtherSpellingsAreRefusedByLine() throws Exception {
        Path cased = file("cased.csv", tickets(",", "\n") + "refund me right now,REFUND,train\ngive my cash back,Refund,test\n");
        CommandFilesTest.Printed read = evalIntents(cased, cased);
        assertEquals(0, read.exit(), read.err());
        assertTrue(read.out().contains("\"trainRows\":10") && read.out().contains("\"accuracy\":1.0"), read.out());
        assertFalse(read.err().contains("no training row has"), "'Refund' is the training label 'refund': " + read.err());

        Path spaced = file("spaced.csv", tickets(",", "\n") + "where is it now,Track Order,train\n");
        CommandFilesTest.Printed refused = evalIntents(spaced, spaced);
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("line 14: the label 'Track Order' looks like the label 'track_order' on line 2"), refused.err());
        Path test = file("test.csv", "text,label\nwhere is it now,Track Order\n");
        CommandFilesTest.Printed acrossFiles = evalIntents(file("train.csv", tickets(",", "\n")), test);
        assertTrue(acrossFiles.err().contains(test + " line 2: the label 'Track Order' looks like the training label 'track_order'"),
                acrossFiles.err());
    }

    @Test
    void aTextUnderTwoLabelsIsRefusedAndTooFewRowsAreSaidToBe() throws Exception {
        // It trained silently on both rows: the classifier learned the text as two intents, one of them wrong.
        Path twice = file("twice.csv", tickets(",", "\n") + "Where is  my PARCEL,refund,train\n");
        CommandFilesTest.Printed refused = evalIntents(twice, twice);
        assertEquals(2, refused.exit(), refused.out());
        assertTrue(refused.err().contains("line 14: the same text is on line 2 with the label 'track_order' and here with 'refund'"),
                refused.err());
        // A repeat under the same label is only a repeat.
        Path repeated = file("repeated.csv", tickets(",", "\n") + "where is my parcel,Track_Order,train\n");
        CommandFilesTest.Printed read = evalIntents(repeated, repeated);
        assertEquals(0, read.exit(), read.err());
        // Its 3 test rows made "accuracy 1.0" with nothing said about how little that shows.
        assertTrue(read.err().contains("Note: 3 test rows are too few to judge by: each moves the accuracy by 33 points")
                && read.err().contains("Give at least 20 (17 more) to tell."), read.err());
        // Intents of a few rows each trained without a word on how little the model could learn of them.
        assertTrue(read.err().contains("Note: 3 intents have fewer than 8 training rows (refund: 3, reset_password: 3, track_order: 4)"),
                read.err());
        CommandFilesTest.Printed shots = evalIntents(repeated, repeated, "--shots", "2");
        assertEquals(0, shots.exit(), shots.err());
        assertFalse(shots.err().contains("fewer than 8 training rows"), "--shots asked for few rows: " + shots.err());
        // --auto-finetune only changes what auto chooses; with another regime it was accepted and did nothing.
        CommandFilesTest.Printed mixed = evalIntents(repeated, repeated, "--auto-finetune");
        assertEquals(2, mixed.exit(), mixed.out());
        assertTrue(mixed.err().contains("--auto-finetune only means something with --regime auto"), mixed.err());
    }

    @Test
    void anUnknownSplitIsRefusedByLineAndTrainingIsTrain() throws Exception {
        Path typo = file("typo.csv", tickets(",", "\n").replace(",test\n", ",tset\n"));
        CommandFilesTest.Printed refused = evalIntents(typo, typo);
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("lines 5, 9, 13: split must be train, test, or val, validation or dev"), refused.err());
        assertTrue(refused.err().contains("not 'tset'"), refused.err());
        Path training = file("training.csv", tickets(",", "\n").replace(",train\n", ",training\n"));
        CommandFilesTest.Printed read = evalIntents(training, training);
        assertEquals(0, read.exit(), read.err());
        assertTrue(read.out().contains("\"trainRows\":9"), read.out());
    }

    @Test
    void aJsonArraysProblemsAreNamedByRowAsTheImportNamesThem() throws Exception {
        Path array = file("tickets.json", "[\n  {\"text\": \"where is my parcel\",\n   \"label\": \"track_order\", \"split\": \"tset\"},\n"
                + "  {\"text\": \"refund please\",\n   \"label\": \"refund\", \"split\": \"tset\"},\n"
                + "  {\"text\": \"where is it now\",\n   \"label\": \"Track Order\", \"split\": \"train\"}\n]\n");
        CommandFilesTest.Printed refused = evalIntents(array, array);
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("row 3: the label 'Track Order' looks like the label 'track_order' on row 1"), refused.err());
        assertTrue(refused.err().contains("rows 1, 2: split must be train, test, or val, validation or dev"), refused.err());
    }

    @Test
    void oneIntentNoShotsAndTestLabelsNeverTrainedOnAreSaidInWords() throws Exception {
        Path oneIntent = file("one.csv", "text,label,split\nrefund please,refund,train\nmoney back,refund,train\nrefund now,refund,test\n");
        CommandFilesTest.Printed one = evalIntents(oneIntent, oneIntent);
        assertEquals(2, one.exit());
        assertTrue(one.err().contains("every training row has the label 'refund'; a classifier needs rows of at least two intents"),
                one.err());
        Path data = file("tickets.csv", tickets(",", "\n"));
        for (String shots : new String[] {"0", "-1"}) {
            CommandFilesTest.Printed none = evalIntents(data, data, "--shots", shots);
            assertEquals(2, none.exit());
            assertTrue(none.err().contains("--shots keeps that many training rows per label: give 1 or more"), none.err());
        }
        Path unseen = file("unseen.csv", "text,label\ncancel my order,cancel_order\nstop the order,cancel_order\nwhere is it,track_order\n");
        CommandFilesTest.Printed noted = evalIntents(data, unseen);
        assertEquals(0, noted.exit(), noted.err());
        assertTrue(noted.err().contains("Note: 2 test rows have labels no training row has (cancel_order: 2)"), noted.err());

        Path replies = file("replies.csv", "text,label,response,split\nrefund please,refund,Done.,train\nmoney back,refund,Sure.,train\n"
                + "refund now,refund,,test\n");
        CommandFilesTest.Printed simulated = CommandFilesTest.run("simulate", "--data", replies.toString(), "--encoder", "all-MiniLM-L6-v2");
        assertEquals(2, simulated.exit());
        assertTrue(simulated.err().contains("the loop needs tickets of at least two intents"), simulated.err());
        for (CommandFilesTest.Printed printed : new CommandFilesTest.Printed[] {one, simulated}) {
            assertFalse(printed.err().contains("Gradient") || printed.err().contains("Exception"), printed.err());
        }
    }

    @Test
    void simulateRefusesOptionsThatMeanNothingBeforeItTrains() throws Exception {
        Path loop = file("loop.csv", "text,label,response,split\nrefund please,refund,Done.,train\nwhere is it,track_order,Here.,train\n"
                + "refund now,refund,,test\n");
        String[][] senseless = {{"--rounds", "0"}, {"--agreement", "1.5"}, {"--agreement", "-0.2"}, {"--replies-per-intent", "0"}};
        String[] said = {"--rounds must be 1 or more", "a share from 0 to 1 (0.75: three times in four), not 1.5",
            "a share from 0 to 1 (0.75: three times in four), not -0.2", "--replies-per-intent must be 1 or more"};
        for (int i = 0; i < senseless.length; i++) {
            CommandFilesTest.Printed option = CommandFilesTest.run("simulate", "--data", loop.toString(), "--encoder", "all-MiniLM-L6-v2",
                    senseless[i][0], senseless[i][1]);
            assertEquals(2, option.exit(), option.err());
            assertTrue(option.err().contains(said[i]), option.err());
        }
    }

    @Test
    void heldOutRowsWhoseTextATrainingRowHasAreLeftOutAndCounted() throws Exception {
        Path leaky = file("leaky.csv", tickets(",", "\n") + "  Where is my\tPARCEL ,track_order,test\nI forgot my  password,"
                + "reset_password,val\ncannot sign in at all,reset_password,val\n");
        CommandFilesTest.Printed read = evalIntents(leaky, leaky);
        assertEquals(0, read.exit(), read.err());
        assertTrue(read.out().contains("\"validationRows\":1,\"testRows\":3,\"droppedTestRows\":1,\"droppedValidationRows\":1"),
                read.out());
        assertTrue(read.err().contains("Left out 1 test row and 1 validation row whose text a training row also has (compared"
                + " ignoring case and spacing)"), read.err());
        Path otherFile = file("seen.csv", "text,label\nwhere is my parcel,track_order\n");
        CommandFilesTest.Printed none = evalIntents(leaky, otherFile);
        assertEquals(2, none.exit(), none.err());
        assertTrue(none.err().contains(otherFile + ": the only test row has the text of a training row"), none.err());

        Path loop = file("loop.csv", "text,label,response,split\nrefund please,refund,Done.,train\nwhere is it,track_order,Here.,train\n"
                + "Refund  please,refund,,test\n");
        CommandFilesTest.Printed simulated = CommandFilesTest.run("simulate", "--data", loop.toString(), "--encoder", "all-MiniLM-L6-v2");
        assertEquals(2, simulated.exit(), simulated.err());
        assertTrue(simulated.err().contains("the only test row has the text of a training row"), simulated.err());
    }

    @Test
    void theRegimeIsReportedByTheNameItIsAskedFor() throws Exception {
        Path data = file("tickets.csv", tickets(",", "\n"));
        // "prototypes" was reported as few_shot, "linear" as trained and "zero-shot" as zero_shot: the names heads are stored under.
        for (String regime : new String[] {"zero-shot", "prototypes", "linear", "auto"}) {
            CommandFilesTest.Printed read = CommandFilesTest.run("eval-intents", "--train", data.toString(), "--test", data.toString(),
                    "--encoder", "all-MiniLM-L6-v2", "--regime", regime, "--json");
            assertEquals(0, read.exit(), read.err());
            // Three examples per intent: auto picks prototypes.
            String trained = regime.equals("auto") ? "prototypes" : regime;
            assertTrue(read.out().contains("\"regime\":\"" + trained + "\""), read.out());
            assertTrue(read.err().contains("Training (" + trained + ") on "), read.err());
        }
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() throws Exception {
        Path data = file("tickets.csv", tickets(",", "\n"));
        // NaN is no number at all, and is refused as the option is read.
        CommandFilesTest.Printed notANumber = evalIntents(data, data, "--threshold", "NaN");
        assertEquals(2, notANumber.exit(), notANumber.err());
        assertTrue(notANumber.err().contains("'--threshold': 'NaN' is not a number"), notANumber.err());
        for (String threshold : new String[] {"1.5", "-0.1"}) {
            CommandFilesTest.Printed refused = evalIntents(data, data, "--threshold", threshold);
            assertEquals(2, refused.exit(), refused.err());
            assertTrue(refused.err().contains("--threshold is the probability of the best intent below which a request is handed over"
                    + " as out of scope: a number from 0 to 1 (0.4: hand over when the best intent is less than 40% likely), not "
                    + Double.valueOf(threshold) + "."), refused.err());
        }
        CommandFilesTest.Printed edge = evalIntents(data, data, "--threshold", "1");
        assertEquals(0, edge.exit(), edge.err());
        assertTrue(edge.out().contains("\"threshold\":1.0"), edge.out());
    }

    @Test
    void bestOfNOnATinyFileSaysWhyTheRewardModelHasNothingToLearn() throws Exception {
        // Three intents of five tickets, one reply each: the simulated drafts copy those replies word for word, and with
        // this seed every item judged outside the held-out share puts a reply against itself.
        String rows = """
                text,label,response,split
                where is my parcel,track_order,Your parcel is on its way; you can follow it with the tracking link in your email.,train
                my order has not arrived,track_order,Sorry for the wait: the order is in transit and should arrive within two days.,train
                tracking number please,track_order,Here is your tracking number; it is also in your confirmation email.,train
                when will my package come,track_order,Your package should arrive within three working days.,train
                order still not here,track_order,I checked: your order left our warehouse yesterday.,train
                I want my money back,refund,I have started your refund; it reaches your account in five days.,train
                please refund my purchase,refund,Your refund is on its way.,train
                how do I get a refund,refund,Send the item back with the label and we refund you on arrival.,train
                refund for a broken item,refund,Sorry it broke: I have refunded you in full.,train
                money back please,refund,Your money is on its way back to you.,train
                I forgot my password,reset_password,Use the reset link on the sign-in page to choose a new password.,train
                reset my password please,reset_password,I have sent you a link to reset your password.,train
                password not working,reset_password,Try the reset link; it sets a new password in a minute.,train
                locked out of my account,reset_password,I unlocked your account; reset your password with the link I sent.,train
                cannot sign in,reset_password,Use the reset link on the sign-in page.,train
                parcel lost in the post,track_order,,test
                charge me back,refund,,test
                new password needed,reset_password,,test
                """;
        Path tiny = file("tiny.csv", rows);
        CommandFilesTest.Printed drafts = CommandFilesTest.run("simulate", "--data", tiny.toString(), "--encoder", "all-MiniLM-L6-v2",
                "--drafts", "4", "--checkpoints", "20", "--seed", "1");
        assertEquals(2, drafts.exit(), drafts.err());
        assertTrue(drafts.err().contains("Preference voice: after 20 judgements on draft items the reward model has nothing to learn"
                + " from: 10 are kept aside to measure it, and the other 10 each compare a reply with itself"), drafts.err());
        assertTrue(drafts.err().contains("It needs at least one judgement between two different replies"), drafts.err());
        assertFalse(drafts.err().contains("Gradient") || drafts.err().contains("Exception"), drafts.err());
    }

    @Test
    void aPreferenceNoReplyOfTheFileCanShowIsSaidInWords() throws Exception {
        Path loop = file("loop.csv", "text,label,response,split\nrefund please,refund,Done.,train\nwhere is it,track_order,Here.,train\n"
                + "refund now,refund,,test\n");
        CommandFilesTest.Printed concise = CommandFilesTest.run("simulate", "--data", loop.toString(), "--encoder", "all-MiniLM-L6-v2",
                "--preference", "concise", "--rounds", "1", "--judgements", "20");
        assertEquals(2, concise.exit(), concise.err());
        assertTrue(concise.err().contains("Preference concise: no agent reply in the file can be shown in a better and a worse version"
                + " (concise needs replies of two sentences or more"), concise.err());
        assertFalse(concise.err().contains("out of bounds"), concise.err());
    }
}
