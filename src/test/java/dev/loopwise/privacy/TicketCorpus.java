package dev.loopwise.privacy;

import java.util.List;

/**
 * Hand-written support tickets from customers in many countries. {@code [[KIND:text]]} marks personal data that
 * must become {@code [KIND]}; {@code {{what:text}}} marks something a reviewer must still read as written.
 */
final class TicketCorpus {
    static final List<String> TICKETS = List.of(
        // e-mail addresses
        "Please reply to [[EMAIL:priya.sharma+orders@gmail.com]] about order {{order:#A-123456}}.",
        "My new address is [[EMAIL:JOHN.SMITH@EXAMPLE.COM]], the old one bounces.",
        "From: Maria Garcia <[[EMAIL:maria.garcia@correo.example.es]]>",
        "Send the invoice {{invoice:INV-2024-00871}} to [[EMAIL:accounts@mail.eu.acme-corp.co.uk]] please.",
        "I wrote from [[EMAIL:sean.o'brien@example.ie]] on {{date:15/03/2024}} but nobody answered.",
        "Contact: [[EMAIL:li_wei2024@sub.mail.example.cn]]; I am in Shanghai until {{date:2024-03-15}}.",
        "Is [[EMAIL:Lars.Ericsson@Example.SE]] the right account for {{order:ORD-2024-000123}}?",
        "mailto:[[EMAIL:support-escalation@example.com.br]] did not work for me",
        "Email ([[EMAIL:kenji.tanaka@example.co.jp]]) and phone are both on file.",
        "You can reach my assistant at [[EMAIL:a.okafor@example.ng]], or me at [[EMAIL:chidi.okafor@example.ng]].",
        "Please write to [[EMAIL:jörg.müller@example.de]], not to the shop.",
        // phone numbers: United Kingdom
        "Call me on [[PHONE:+44 20 7946 0958]] after {{time:5pm}}.",
        "My mobile is [[PHONE:07700 900123]] and my landline [[PHONE:(020) 7946 0958]].",
        "Office: [[PHONE:+44 (0)161 496 0000]] ext. {{short:204}}, Manchester.",
        "Ring [[PHONE:0161 496 0000]] if the parcel {{tracking:AB123456789GB}} has not arrived.",
        "UK number [[PHONE:+447700900123]], I'm in Leeds most of the week.",
        // United States and Canada
        "Hi, this is Michael Johnson, [[PHONE:(212) 555-0147]], regarding {{order:ORD-2024-000123}}.",
        "Text me at [[PHONE:212-555-0147]] when the {{quantity:2 chairs}} ship.",
        "Our front desk is [[PHONE:212.555.0147]], open {{time:9:00 AM}} to {{time:6:00 PM}}.",
        "Toll free [[PHONE:1-800-555-0199]] kept me on hold for {{quantity:45 minutes}}.",
        "Support line [[PHONE:415-555-0132]] answered at {{time:10:15}}, then hung up.",
        "Call [[PHONE:(212) 555-0147]] x{{short:204}} during business hours.",
        "Please call [[PHONE:+1 (415) 555-0132]] ext. {{short:12}} and ask for Emily in Toronto.",
        "I'm at [[PHONE:415 555 0132]] all day, my order was {{price:$1,299.00}}.",
        // India
        "My number is [[PHONE:+91 98765 43210]], Rahul from Pune.",
        "Please call [[PHONE:098765 43210]], the refund of {{price:₹12,499}} is still pending.",
        "Mumbai office: [[PHONE:+91-22-2778-1234]].",
        "WhatsApp [[PHONE:98765-43210]] for the delivery to Bengaluru.",
        "Landline [[PHONE:022 2778 1234]], call between {{time:10:30}} and {{time:13:00}}.",
        // Germany
        "Please call me: [[PHONE:+49 30 901820]], Klaus Müller.",
        "Phone [[PHONE:030 901820]], order {{order:ORD-2024-000123}}.",
        "My Handy is [[PHONE:0151 2345 6789]], I'm in Munich.",
        "From Berlin: [[PHONE:+49 (0)30 1234 5678]].",
        "Call [[PHONE:0049 151 23456789]] from abroad.",
        "Tel.: [[PHONE:030/1234567]], Fax: [[PHONE:030/1234568]]",
        // France
        "My number: [[PHONE:01 23 45 67 89]], Mme Dubois, Lyon.",
        "Mobile [[PHONE:+33 6 12 34 56 78]], I'm in Paris.",
        "Please call [[PHONE:06.12.34.56.78]] before {{date:15.03.2024}}.",
        "Our office in Lille: [[PHONE:+33 (0)3 20 12 34 56]].",
        "From Switzerland I dial [[PHONE:0033 1 23 45 67 89]].",
        // Brazil
        "My cell is [[PHONE:+55 11 91234-5678]], João Silva, São Paulo.",
        "Call [[PHONE:(11) 91234-5678]], order {{order:#A-123456}} for {{price:R$ 1.299,90}}.",
        "Rio office: [[PHONE:+55 (21) 2345-6789]].",
        "Whatsapp [[PHONE:+55 21 98765 4321]] from Ana Souza.",
        // Japan
        "Tokyo office [[PHONE:+81 3-1234-5678]], ask for Mr. Sato.",
        "Please call [[PHONE:03-1234-5678]] or my mobile [[PHONE:090-1234-5678]].",
        "Osaka: [[PHONE:(06) 1234-5678]], the price was {{price:¥12,800}}.",
        "My mobile is [[PHONE:+81 90 1234 5678]].",
        // elsewhere
        "Sydney: [[PHONE:+61 2 9876 5432]], mobile [[PHONE:0412 345 678]].",
        "Ciudad de México [[PHONE:+52 55 1234 5678]], Sra. Hernández.",
        "Lagos number [[PHONE:+234 803 123 4567]], Mr. Adeyemi.",
        "Amsterdam: [[PHONE:06-12345678]], Pieter de Vries.",
        "Cape Town [[PHONE:082 123 4567]], Thandiwe Nkosi.",
        "Madrid: [[PHONE:+34 612 34 56 78]], Lucía Fernández.",
        // cards
        "Charge my card [[CARD:4111 1111 1111 1111]] for the {{price:$49.99}} plan.",
        "Card number [[CARD:5555555555554444]], expiry {{date:08/27}}.",
        "Amex [[CARD:3782 822463 10005]] was charged twice on {{date:2024-03-15}}.",
        "I used [[CARD:6011-1111-1111-1117]] for order {{order:ORD-2024-000123}}.",
        "JCB card [[CARD:3530 1113 3330 0000]] from Japan was declined.",
        "Please refund to [[CARD:4012 8888 8888 1881]] instead of {{invalid-card:4111 1111 1111 1121}}.",
        "Is {{invalid-card:5555 5555 5555 4445}} a valid card? It fails every time.",
        "The card {{invalid-card:4929123456789012}} from my husband was refused.",
        "UnionPay [[CARD:6200 0000 0000 0005]] works in Shenzhen but not here.",
        // IBANs
        "Please send the refund to [[IBAN:DE89 3704 0044 0532 0130 00]], Klaus Müller.",
        "My IBAN is [[IBAN:GB82WEST12345698765432]] (Barclays).",
        "IBAN: [[IBAN:FR14 2004 1010 0505 0001 3M02 606]] in the name of Mme Dubois.",
        "Spanish account [[IBAN:ES9121000418450200051332]] for the {{price:€1.299,00}} refund.",
        "Transfer to [[IBAN:IT60 X054 2811 1010 0000 0123 456]], thanks.",
        "Dutch IBAN [[IBAN:NL91ABNA0417164300]], Pieter de Vries.",
        "Refund to [[IBAN:BE68 5390 0754 7034]] and not to {{invalid-iban:BE68 5390 0754 7035}}.",
        "Swiss account [[IBAN:CH93 0076 2011 6238 5295 7]], Zürich.",
        "Polish IBAN [[IBAN:PL61 1090 1014 0000 0712 1981 2874]] for the return.",
        "Account: [[IBAN:BR1800360305000010009795493C1]], João Silva.",
        // street addresses
        "Ship it to [[ADDRESS:221B Baker Street]], London NW1 6XE.",
        "My address is [[ADDRESS:742 Evergreen Terrace]], Springfield.",
        "Deliver to [[ADDRESS:350 Fifth Avenue]], New York, NY 10118.",
        "The old address was [[ADDRESS:1600 Amphitheatre Parkway]], Mountain View.",
        "Flat 2, [[ADDRESS:15 Queen's Road]], Brighton.",
        "Please use [[ADDRESS:45 MG Road]], Bengaluru for order {{order:#A-123456}}.",
        "Send it to [[ADDRESS:Hauptstraße 12]], 10115 Berlin.",
        "New address: [[ADDRESS:12 rue de Rivoli]], 75001 Paris.",
        "Ship to [[ADDRESS:Calle Mayor 10]], Madrid.",
        "Address: [[ADDRESS:Rua Augusta 100]], São Paulo.",
        "Address: [[ADDRESS:Via Roma 12]], Milano.",
        // IP addresses
        "My IP is [[IP:81.2.69.160]] and the login from Sydney was blocked.",
        "The failed logins came from [[IP:203.0.113.45]] at {{time:14:30}} on {{date:2024-03-15}}.",
        "Subnet mask {{ip-private:255.255.255.0}}, gateway {{ip-private:10.0.0.1}}, see section {{version:4.2.1.3}} of the manual.",
        "Router shows [[IP:2001:db8:85a3::8a2e:370:7334]] as my address.",
        "Firmware {{version:1.2.3.4}} broke the router at {{ip-private:192.168.1.1}} and {{ip-private:fe80::1}}.",
        // what must stay
        "Order {{order:#A-123456}} and {{order:ORD-2024-000123}} both show {{quantity:3 units}}.",
        "Tracking {{tracking:1Z999AA10123456784}} has not moved since {{date:15/03/2024}}.",
        "USPS tracking {{tracking:9400 1000 0000 0000 0000 00}} says delivered.",
        "DHL {{tracking:JD014600006281234567}} is stuck in Leipzig.",
        "Amazon order {{order:114-3941689-8772232}} arrived broken.",
        "The app is {{version:v2.14.3}} on iOS {{version:17.4.1}}, build {{version:2024.03.1}}.",
        "After updating to {{version:10.4.22.1234}} the sync fails.",
        "Model {{product:WH-1000XM5}}, SKU {{product:SKU-44817-BLK}}, part no. {{product:8712-3390-01}}.",
        "I paid {{price:$1,299.00}} plus {{price:£49.99}} shipping, {{percent:15%}} more than last year.",
        "The discount was {{percent:12.5 %}} on {{price:1 299,00 EUR}}.",
        "Delivered on {{date:2024-03-15}} at {{time:14:30}}, not on {{date:03/15/2024}}.",
        "Opening hours {{time:09.00-17.30}}, closed on {{date:25.12.2024}}.",
        "Open {{time:0900-1730}} Monday to Friday, Saturday {{time:9.00 - 13.00}}.",
        "Via Amazon {{quantity:2 weeks}} ago I ordered {{quantity:2 Place Settings}}, the call ended at {{time:10:30:45}}.",
        "The Spring {{year:2024}} catalogue lists {{quantity:3 place}} settings.",
        "Customer since {{year:2019}}, {{quantity:12 orders}}, room {{short:12}}, seat {{short:14C}}.",
        "Case {{case:00012345}} and ticket {{case:#48213}} are about the same thing.",
        "PO {{order:4500012345}} for {{quantity:2 x 500 ml}} bottles.",
        "Invoice {{invoice:2024-0012345}} lists {{quantity:1,500 units}} at {{price:$0.85}}.",
        "Serial {{product:5CD1234XYZ}}, warranty until {{date:31.12.2026}}.",
        "Order number {{order:123-4567890}} was charged {{price:€89,90}}.",
        "I called at {{time:10:45}} and waited {{quantity:25 minutes}} on {{date:12.05.24}}.",
        "The {{quantity:4 pack}} costs {{price:CHF 129.90}}, reference {{order:RF-2024-33871}}.",
        "In {{year:2023}} I ordered {{quantity:150}} items, about {{percent:8 percent}} came damaged.",
        "We sold {{quantity:1 299 999}} units last year, but order {{order:12345678}} never came."
    );

    private TicketCorpus() {
    }
}
