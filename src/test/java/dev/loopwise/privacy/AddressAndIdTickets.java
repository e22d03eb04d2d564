package dev.loopwise.privacy;

import java.util.List;

/**
 * More tickets for {@link TicketCorpus}: European addresses with the street named before the number and a postcode
 * and town after it, national identity numbers, and what only looks like them — order, part and tracking numbers,
 * products whose name reads like a street, numbers whose check digit is wrong.
 */
final class AddressAndIdTickets {
    static final List<String> TICKETS = List.of(
        // the street named before the number, a postcode and town after it
        "Ship to [[ADDRESS:Rue de la Paix 12, 75002 Paris]], second floor.",
        "Our shop is at [[ADDRESS:Avenue Louise 54, 1050 Bruxelles]].",
        "Please deliver to [[ADDRESS:Chaussée de Wavre 120]], I am home after {{time:18:00}}.",
        "Adresse : [[ADDRESS:Boulevard Saint-Germain 45]], merci.",
        "Bitte an [[ADDRESS:Mariahilfer Straße 45/3/12, 1060 Wien]] liefern.",
        "Lieferadresse: [[ADDRESS:Bahnhofstrasse 10, 8001 Zürich]].",
        "Adres: [[ADDRESS:Keizersgracht 123, 1015 CJ Amsterdam]].",
        "Wysyłka na [[ADDRESS:ul. Marszałkowska 10/12, 00-590 Warszawa]], proszę.",
        "Morada: [[ADDRESS:Avenida da Liberdade 110, 1269-046 Lisboa]].",
        "Envíenlo a [[ADDRESS:Calle de Alcalá 45, 28014 Madrid]], por favor.",
        "Ship to [[ADDRESS:Via dei Mille 5, 00185 Roma]].",
        "Send it to [[ADDRESS:10 Downing Street, London SW1A 2AA]].",
        "The parcel went to [[ADDRESS:3 Abbey Road, NW8 9AY London]] instead.",
        "Deliver to [[ADDRESS:Friedrichstraße 43, D-10117 Berlin]] before {{date:15.03.2024}}.",
        "Return address [[ADDRESS:Drottninggatan 5, 111 51 Stockholm]].",
        "Customer at [[ADDRESS:Rua Augusta 100, 1100-053 Lisboa]], order {{order:#A-123456}}.",
        "Je suis au [[ADDRESS:Quai Saint-Michel 3]] jusqu'au {{date:20/03/2024}}.",
        // products and numbers that only look like a street or a postcode
        "I bought the {{product:Corso Pro 2}}, Black.",
        "The {{product:Plaza Max 3}}, White, arrived scratched.",
        "Case for the {{product:Via Mini 4}}, Silver, {{price:€29.90}}.",
        "Order {{order:75002}} to Paris was {{quantity:2 days}} late.",
        "Sent {{quantity:12 items}} to Berlin, order {{order:10115}}, on {{date:2024-03-15}}.",
        // national identity numbers
        "My SSN is [[ID:123-45-6789]], please remove it from the file.",
        "Social security number [[ID:078-05-1120]] was printed on the invoice.",
        "National Insurance number [[ID:QQ 12 34 56 C]] for the payroll question.",
        "NI no. [[ID:AB123456C]], I was charged twice.",
        "Aadhaar [[ID:2345 6789 0127]] linked to order {{order:#A-123456}}.",
        "My Aadhaar number is [[ID:4987-1234-5679]].",
        "CPF [[ID:529.982.247-25]], João Silva, pedido {{order:#A-123456}}.",
        "Meu CPF é [[ID:123.456.789-09]] e o pedido custou {{price:R$ 1.299,90}}.",
        "DNI [[ID:12345678Z]], Lucía Fernández, Madrid.",
        "Mi NIE es [[ID:X1234567L]] y el pedido {{order:ORD-2024-000123}}.",
        "DNI [[ID:45879123-B]] for the refund of {{price:€89,90}}.",
        // what only looks like an identity number
        "Order {{order:123-45-6789}} is a duplicate of {{order:ORD-2024-000123}}.",
        "Tracking {{tracking:1234 5678 9012}} shows nothing since {{date:12-05-2024}}.",
        "Is {{invalid-id:12345678A}} right? The form refuses it.",
        "Part {{product:44817203K}} is out of stock, SKU {{product:SKU-12345678Z}} too.",
        "The form says {{invalid-id:123.456.789-00}} is not a valid number.",
        "Booking {{order:AB123456C}} is confirmed for {{date:2024-06-01}}.",
        "The box says {{product:712345678907}} on the side, {{price:$12.99}}.",
        // a German area code and number with spaces around the slash
        "Handy: [[PHONE:0171 / 7654321]], Büro [[PHONE:030 / 901820]].",
        "Bitte rufen Sie [[PHONE:0171 / 765 43 21]] an, Rechnung {{invoice:2024/0012345}}.",
        "Tel. [[PHONE:+49 171 / 7654321]], Klaus Müller.",
        "Aus dem Ausland: [[PHONE:+49 (0)171 / 7654321]].",
        // a slash between two short numbers, no area code and no phone word: a score, a series, a step
        "Score was {{short:012 / 3456}} points.",
        "Serie {{order:0042 / 1500}} Stueck, Lagerplatz {{short:0815 / 4711}} ist leer.",
        "We are at step {{short:03 / 12345}} of the import.",
        // a phone right after an address is a phone, not the address's postcode
        "Lieferung an [[ADDRESS:Hauptstraße 12]], [[PHONE:+49 30 1234567]] Thanks.",
        // an amount or a year after an address is no postcode and town
        "[[ADDRESS:Hauptstraße 12]], {{price:1500 EUR}} were charged.",
        "Ship to [[ADDRESS:Calle Mayor 10]], {{price:2500 Pesos}} paid.",
        "Send to [[ADDRESS:Hauptstraße 12]], {{year:2024}} Review",
        // a number a phone word announces is a phone, even in an identity number's shape
        "Call me on [[PHONE:555 12 3456]] after work.",
        "Please call [[PHONE:212-55-1234]] tomorrow.",
        "phone: [[PHONE:070 12 3456]]",
        // identity numbers in lower case
        "dni [[ID:12345678z]], no tengo otro.",
        "Mi nie es [[ID:x1234567l]].",
        "NI [[ID:qq 12 34 56 c]] for the payroll.",
        // a reference word before "ID", or "is" between it and the number: a reference, not an identity number
        "Order ID: {{order:123-45-6789}} is still open.",
        "Transaction ID {{order:2345 6789 0127}} failed twice.",
        "Tracking ID {{tracking:12345678Z}} shows nothing, SKU ID {{product:12345678Z}} neither.",
        "Customer ID: {{customer:529.982.247-25}} on the invoice.",
        "My order is {{order:123-45-6789}} and the case number is {{case:12345678Z}}.",
        // a postcode without a comma, a ZIP+4 code, identity numbers without their separators
        "Livraison au [[ADDRESS:Rue de Rivoli 12 75001 Paris]], {{quantity:2 items}}.",
        "Adresse: [[ADDRESS:Hauptstraße 12 10115 Berlin]].",
        "Ship to [[ADDRESS:5 Main Street, Springfield, IL 62701-1234]].",
        "Meu CPF é [[ID:52998224725]], pedido {{order:#A-123456}}.",
        "DNI [[ID:12345678 Z]], Madrid.",
        // a reference word and "is" before a phone: the phone is still a phone
        "The phone number on my account is [[PHONE:0612345678]].",
        "The phone number on my account is [[PHONE:(555) 123-4567]].",
        "The mobile on the order was [[PHONE:0612345678]].",
        "My contact for the order is [[PHONE:0612345678]].",
        // a phone word before an identity number with letters, which no phone has
        "my number is [[ID:X1234567L]]",
        "my number is [[ID:QQ 12 34 56 C]]",
        "my number is [[ID:12345678Z]]",
        "contact: [[ID:12345678Z]]",
        // postcodes from 1900 to 2099 before a town
        "[[ADDRESS:Antwerpsestraat 10, 2000 Antwerpen]]",
        "[[ADDRESS:Bahnhofstrasse 5, 2000 Neuchâtel]]",
        "[[ADDRESS:12 rue de la Paix, 1950 Sion]]",
        "[[ADDRESS:Hauptstraße 12 2000 Stockerau]]",
        // an area code of two or six digits before a slash, after a country code too
        "Tel. [[PHONE:01/5880123]]",
        "Tel. [[PHONE:01 / 58801230]]",
        "Tel. [[PHONE:033203/12345]]",
        "[[PHONE:033203/123456]]",
        "Tel. [[PHONE:+43 1 / 5880123]]",
        // a weekday after a phone is no town after a postcode
        "You can reach Anna on [[PHONE:555 1234]] Monday to Friday",
        // a town of two words and a country, a town and the customer's "I"
        "[[ADDRESS:Hauptstraße 12, 10115 Berlin Mitte Germany]]",
        "I live at [[ADDRESS:Hauptstraße 12, 10115 Berlin]] I think",
        // after a room word, a number of an SSN's or a phone's shape is masked all the same: a room and an extension cannot
        // be told from a phone split once ("Unit 9123 4567") or an SSN, and showing a phone or an SSN is worse than hiding a room
        "Guest in Room [[ID:123 45 6789]] asked for towels.",
        "Guest in Room [[PHONE:555 0147]] asked for towels.",
        "Unit [[PHONE:9123 4567]], tell reception.",
        "flat no. [[PHONE:2212 3456]] is mine.",
        "My SSN is apt [[ID:123 45 6789]].",
        "Room [[PHONE:212 555 0147]] asked for a late checkout.",
        "SSN [[ID:123 45 6789]] on the form, room {{room:12}}.",
        // a gift card number can be spent by whoever reads it: a card, not an identity number; its date and amount stay
        "Paid with gift card [[CARD:2345-6789-0127]], balance {{price:€25.00}}.",
        "Gift card code [[CARD:AQ7X-9KLM2-PQR4]] says it was already redeemed.",
        "Gift card bought on {{date:2024-03-15}} for {{price:50 EUR}} never arrived.",
        "Gift card bought {{date:2024 03 31}}, still not working.",
        // a card number after "gift card" is masked whole however it is grouped, not its first groups alone
        "gift card [[CARD:4111 1111 1111.1111]] was declined.",
        "gift card [[CARD:4111 1111  1111 1111]] was declined.",
        // a card number at the start or end of a longer gift card number leaves none of its groups shown
        "gift voucher code [[CARD:934-66344-2274-3700-301]] failed.",
        "gift card [[CARD:4111 1111 1111 1111 123]] failed.",
        "gift card [[CARD:1234 378282246310005]] failed.",
        // groups after the number's end (one digit, a spaced dash) and five words between the name and the number
        "my gift card is [[CARD:870 97274 - 7645]].",
        "gift card [[CARD:234 02740 4]] failed.",
        "gift card code number is: #[[CARD:1234-5678-9012]] failed.",
        // a gift card's PIN is masked as the card is, its expiry date stays; a PIN without a card is a reference
        "Gift card [[CARD:6006 4911 2345 6789]], PIN [[CARD:4821]], balance {{price:€25.00}}.",
        "gift card [[CARD:4111 1111 1111 1111]] {{date:12/25}} was declined.",
        "PIN reset for order {{order:4821}} did not arrive.",
        // a month past 12 or a day past 31 is no date
        "Gift card [[CARD:2087 45 93]] failed.",
        // an Aadhaar number without spaces after its name; a reference or a failed check stays
        "Aadhaar [[ID:234567890127]] for the KYC form.",
        "My Aadhaar number is [[ID:234567890127]], order {{order:234567890127}}.",
        "Aadhaar {{invalid-id:234567890128}} is refused by the form.",
        // an Android build is no phone number; a phone glued to "Tel." still is
        "Android 14, build {{version:UP1A.231005.007}}, the app crashes.",
        "Tel.[[PHONE:0612345678]] after six.",
        // a Polish street with "Ul." at the start of a sentence, glued to its name, or without it before a postcode and town
        "[[ADDRESS:Ul. Marszałkowska 10/12, 00-590 Warszawa]], paczka nie doszła.",
        "Adres: [[ADDRESS:ul.Marszałkowska 10/12, 00-590 Warszawa]].",
        "Proszę wysłać na [[ADDRESS:Marszałkowska 10/12 00-590 Warszawa]].",
        "Order {{order:10}} reached Warszawa on {{date:12-05-2024}}.",
        "Order {{order:123}}, {{short:12-345}} Items, please check.",
        "Wysyłka: [[ADDRESS:Sienkiewicza 10 12-345 Warszawa]].",
        // an American address with its quadrant, town, state and ZIP code; an e-mail after a street is no quadrant
        "Ship to [[ADDRESS:1600 Pennsylvania Avenue NW, Washington, DC 20500]].",
        "Ship to [[ADDRESS:1600 Pennsylvania Ave NW Washington DC 20500]] please.",
        "Ship to [[ADDRESS:5 Main Street]] E-mail me when it ships.",
        // a state right after the town's comma
        "I live at [[ADDRESS:12 Main Street, Springfield,IL 62704]]."
    );

    private AddressAndIdTickets() {
    }
}
