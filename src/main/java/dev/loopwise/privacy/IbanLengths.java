package dev.loopwise.privacy;

import java.util.HashMap;
import java.util.Map;

/**
 * How long each country's IBANs are: "at 12 …" in a sentence is no Austrian IBAN, and "my 401k is able …" no IBAN of
 * a country "MY" that has none. The SWIFT IBAN registry, and the countries whose banks issue IBANs without being in it.
 */
final class IbanLengths {
    private static final String REGISTRY = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 "
            + "CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 "
            + "HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 "
            + "MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 "
            + "SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
    /** Central and West African, Maghreb and other banks write these, listed by the IBAN registries outside SWIFT's. */
    private static final String OUTSIDE_REGISTRY = "AO25 BF28 BJ28 CF27 CG27 CI28 CM27 CV25 DZ26 GA27 GQ27 GW25 IR26 KM27 "
            + "MA28 MG27 ML28 MZ25 NE28 SN28 TD27 TG28";
    private static final Map<String, Integer> LENGTHS = new HashMap<>();

    static {
        for (String entry : (REGISTRY + " " + OUTSIDE_REGISTRY).split(" ")) {
            LENGTHS.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
        }
    }

    private IbanLengths() {
    }

    /** Each country's code and its IBANs' length. */
    static Map<String, Integer> all() {
        return Map.copyOf(LENGTHS);
    }

    /** The length of the country's IBANs, or -1 for a code that has none. */
    static int of(String country) {
        return LENGTHS.getOrDefault(country, -1);
    }
}
