package dev.loopwise.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A reference named by a word, misspelt or not, against a phone number written as customers write them. A run of
 * digits that starts with 00 and that no exit code makes a phone number is a reference after an order or purchase
 * word misspelt by one slip, and a short one after a misspelt invoice, receipt, reference or tracking word or after
 * "order" in another language; German "oder" ("or") names nothing. A real phone stays masked whatever word stands
 * before it, since a leaked phone costs more than a masked reference.
 */
class OrderWordOrPhoneTest {
    private final PiiMasker masker = PiiMasker.all();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            order 00123842                       | order 00123842
            ordr 00123842                        | ordr 00123842
            oredr 00123842                       | oredr 00123842
            odrer 00123842                       | odrer 00123842
            my ordr 00123842 has not arrived     | my ordr 00123842 has not arrived
            ordr no. 00123842                    | ordr no. 00123842
            orden 00123842                       | orden 00123842
            número de orden 00123842             | número de orden 00123842
            ordem 00123842                       | ordem 00123842
            ordre 00123842                       | ordre 00123842
            purchse 00123842                     | purchse 00123842
            reciept 00123842                     | reciept 00123842
            invoce 00123842                      | invoce 00123842
            refrence 00123842                    | refrence 00123842
            trackng 00123842                     | trackng 00123842
            invoice no 00123842                  | invoice no 00123842
            invoice no. 0612345678               | invoice no. 0612345678
            ref 00123842                         | ref 00123842
            ref: 12345678                        | ref: 12345678
            ticket #00123842                     | ticket #00123842
            ticket # 00123842                    | ticket # 00123842
            tracking 1Z999AA10123456784          | tracking 1Z999AA10123456784
            tracking 00340434161234567890        | tracking 00340434161234567890
            ordr 12345678                        | ordr 12345678
            prchse 00123842                      | prchse [PHONE]
            oder 00123842                        | oder [PHONE]
            ich bin unter 0171 2345678 erreichbar oder 00123456 | ich bin unter [PHONE] erreichbar oder [PHONE]
            Mobil: 0171-2345678 (privat) oder 00123456 | Mobil: [PHONE] (privat) oder [PHONE]
            ruf mich an oder 00123456            | ruf mich an oder [PHONE]
            Oder 00123456                        | Oder [PHONE]
            ODER 00123456                        | ODER [PHONE]
            refrence 001234567890                | refrence [PHONE]
            trackng 001234567890                 | trackng [PHONE]
            invoce 001234567890                  | invoce [PHONE]
            reciept 001234567890                 | reciept [PHONE]
            tracing 00123456                     | tracing [PHONE]
            deference 00123456                   | deference [PHONE]
            fracking 00123456                    | fracking [PHONE]
            preference 00123842                  | preference [PHONE]
            puchase 00004587345                  | puchase 00004587345
            older 00123842                       | older [PHONE]
            border 00123842                      | border [PHONE]
            Telefon 030 1234567 oder 00123842    | Telefon [PHONE] oder [PHONE]
            Telefon oder 00123842                | Telefon oder [PHONE]
            oder 0030123456789                   | oder [PHONE]
            orden 0030123456789                  | orden [PHONE]
            oder 0612345678                      | oder [PHONE]
            oder 030 1234567                     | oder [PHONE]
            oder 0049 171 2345678                | oder [PHONE]
            orden 0612345678                     | orden [PHONE]
            ordr 0612345678                      | ordr [PHONE]
            ordr 0049 171 2345678                | ordr [PHONE]
            reciept 0033612345678                | reciept [PHONE]
            order 0612345678                     | order [PHONE]
            ref 0612345678                       | ref [PHONE]
            order # 020 7946 0958                | order # [PHONE]
            call me at 0612345678                | call me at [PHONE]
            call me at 020 7946 0958             | call me at [PHONE]
            call me at +44 20 7946 0958          | call me at [PHONE]
            call me at (555) 123-4567            | call me at [PHONE]
            call me at 555 123 4567              | call me at [PHONE]
            call me at 2125551234                | call me at [PHONE]
            call me at 00123842                  | call me at [PHONE]
            +33 6 12 34 56 78                    | [PHONE]
            06 12 34 56 78                       | [PHONE]
            +49 171 2345678                      | [PHONE]
            0171 2345678                         | [PHONE]
            +44 7700 900123                      | [PHONE]
            07700 900123                         | [PHONE]
            555-123-4567                         | [PHONE]
            +91 98765 43210                      | [PHONE]
            +61 412 345 678                      | [PHONE]
            0412 345 678                         | [PHONE]
            +81 90-1234-5678                     | [PHONE]
            090-1234-5678                        | [PHONE]
            +34 612 34 56 78                     | [PHONE]
            +39 312 345 6789                     | [PHONE]
            +55 11 91234-5678                    | [PHONE]
            (11) 91234-5678                      | [PHONE]
            """)
    void referenceOrPhone(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }
}
