package dev.loopwise.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A form that needs its document's name is looked for only in a text that names the document as a word: each name,
 * in the spellings customers use, still has its number masked, and a word that merely holds the name's letters
 * ("morning", "guide", "union") changes nothing either way.
 */
class NationalIdNamesTest {
    private final PiiMasker masker = PiiMasker.all();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CPF 52998224725                              | CPF [ID]
            cpf 52998224725                              | cpf [ID]
            Cpf: 52998224725                             | Cpf: [ID]
            meu CPF é 52998224725                        | meu CPF é [ID]
            CPF是52998224725                              | CPF是[ID]
            good morning, my CPF is 52998224725          | good morning, my CPF is [ID]
            NINO qq 12 34 56 c                           | NINO [ID]
            nino: ab123456c                              | nino: [ID]
            NI qq 12 34 56 c                             | NI [ID]
            Ni no. qq123456c                             | Ni no. [ID]
            national insurance qq 12 34 56 c             | national insurance [ID]
            National Insurance number: QQ 12 34 56 C     | National Insurance number: [ID]
            DNI 12345678 Z                               | DNI [ID]
            dni 12345678z                                | dni [ID]
            Dni: 12345678z                               | Dni: [ID]
            NIE x1234567l                                | NIE [ID]
            nif 12345678z                                | nif [ID]
            Aadhaar 234567890127                         | Aadhaar [ID]
            aadhar: 234567890127                         | aadhar: [ID]
            UID 234567890127                             | UID [ID]
            uidai number 234567890127                    | uidai number [ID]
            """)
    void theDocumentsNameInAnySpellingStillMasks(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }
}
