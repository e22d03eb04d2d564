package dev.loopwise.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The words helpdesk tickets put between a document's name and its number ("CPF nº", "CPF/MF", "cpf-", "DNI-", "N.I.",
 * "n.º", "#", ":") still let the number be masked, in either case; a name used as an ordinary word ("ni", "nie") or an
 * order number after it stays as written.
 */
class NationalIdLabelsTest {
    private final PiiMasker masker = PiiMasker.all();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CPF nº 123.456.789-09                        | CPF nº [ID]
            CPF/MF 123.456.789-09                        | CPF/MF [ID]
            cpf-123.456.789-09                           | cpf-[ID]
            CPF # 123.456.789-09                         | CPF # [ID]
            CPF nº 12345678909                           | CPF nº [ID]
            cpf n.º: 12345678909                         | cpf n.º: [ID]
            CPF/MF nº 12345678909                        | CPF/MF nº [ID]
            C.P.F. 12345678909                           | C.P.F. [ID]
            DNI-12345678Z                                | DNI-[ID]
            dni#12345678z                                | dni#[ID]
            DNI nº 12345678 z                            | DNI nº [ID]
            D.N.I. n.º 12.345.678-Z                      | D.N.I. n.º [ID]
            NIE-X1234567L                                | NIE-[ID]
            n.i.e. no. x1234567l                         | n.i.e. no. [ID]
            N.I. 12345678                                | N.I. [ID]
            n.i. 12345678                                | n.i. [ID]
            NI nº 12345678                               | NI nº [ID]
            NI: 12345678                                 | NI: [ID]
            my N.I. 12345678, thanks                     | my N.I. [ID], thanks
            nie 12345678z                                | nie [ID]
            Nie: X1234567L                               | Nie: [ID]
            NIE 12345678 Z                               | NIE [ID]
            n.i. qq 12 34 56 c                           | n.i. [ID]
            NI #qq123456c                                | NI #[ID]
            Aadhaar nº 234567890127                      | Aadhaar nº [ID]
            D.N.I. 12345678                              | D.N.I. [ID]
            d.n.i. 12345678                              | d.n.i. [ID]
            DNI: 12345678                                | DNI: [ID]
            Mi DNI es 12345678                           | Mi DNI es [ID]
            Mi DNI es 12345678 y el pedido 55            | Mi DNI es [ID] y el pedido 55
            Nie: X1234567 L                              | Nie: [ID]
            mi nie es x1234567 l                         | mi nie es [ID]
            mi nif es 12345678 Z                         | mi nif es [ID]
            Nif 12345666 w                               | Nif [ID]
            NI nº12345678                                | NI nº[ID]
            NI Nº12345678                                | NI Nº[ID]
            N.I. nº12345678                              | N.I. nº[ID]
            PACZKA NIE 12345666 W DRODZE                 | PACZKA NIE [ID] DRODZE
            """)
    void aLabelBetweenTheNameAndTheNumberStillMasks(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    /** A no-break space, as French typography puts before a colon, is a space. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            N.I.\u00A012345678                          | N.I.\u00A0[ID]
            NI\u00A0: 12345678                          | NI\u00A0: [ID]
            NI\u202F: 12345678                          | NI\u202F: [ID]
            DNI\u00A012345678Z                          | DNI\u00A0[ID]
            """)
    void aNoBreakSpaceIsASpace(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "No tengo ni 12345678 ni la factura.",
        "Ni 12345678 ni 87654321 llegaron.",
        "ni el pedido 12345678 ni la factura",
        "To nie 123456789, tylko inny numer.",
        "Nie mam numeru zam\u00f3wienia 12345678.",
        "call N.I. 61234567",
        "N.I. 12345678 \u20ac",
        "Nie. 12345666 w drodze",
        "N.I. 1234567",
        "N.I. 123456789",
        "CPF: 123.456.789-00",
        "cpf nº 11111111111",
        "DNI-12345678A",
        "N.I. 123456",
    })
    void ordinaryWordsOrdersAndNumbersFailingTheirCheckStay(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** Phones, amounts, references, Northern Ireland and longer abbreviations next to "NI" or "N.I.". */
    @ParameterizedTest
    @ValueSource(strings = {
        "call NI: 61234567",
        "tel. N.I. 61234567",
        "tracking no. NI: 12345678",
        "ref NI nº 12345678",
        "invoice N.I. 12345678 EUR",
        "NI: 12345678 \u20ac",
        "order DNI 12345678",
        "Delivery to NI - 12345678 parcels",
        "Shipping to NI #12345678",
        "NO LLEG\u00d3 NI 12345678 NI 87654321",
        "U.N.I. 12345678",
        "S.N.I. 12345678",
        "N.i. 12345678",
        "n.I 12345678",
        "NI/ES 12345678",
        "tracking no. N.I. 12345678",
    })
    void aNumberNextToNiThatIsNoIdentityNumberStays(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** Polish "nie" (no) before an order number and a one-letter word that happens to be the number's DNI letter. */
    @ParameterizedTest
    @ValueSource(strings = {"nie-12345666 w drodze", "nie/12345666 w drodze", "nie 12345666 w drodze",
        "Nie: 12345666 w drodze"})
    void polishNieBeforeAnOrderNumberStays(String text) {
        assertEquals(text, masker.mask(text));
    }
}
