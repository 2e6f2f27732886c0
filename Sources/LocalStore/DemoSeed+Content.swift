import CallsCore

/// The words the demo data is made of: names from several scripts, realistic call notes,
/// and the hostile text a terminal app must survive.
extension DemoSeed {
    static let owners: [Owner] = [
        Owner(id: "52811094", email: "ava.martinez@example.com", firstName: "Ava", lastName: "Martinez", userId: 9_100_001),
        // Past 2^32: owner ids must stay strings end to end.
        Owner(id: "11349275740", email: "ben.okafor@example.com", firstName: "Ben", lastName: "Okafor", userId: 9_100_002),
        Owner(id: "60213377", email: "chen.wei@example.com", firstName: "Chen", lastName: "Wei", userId: 9_100_003),
        Owner(id: "60213378", email: "dana.kowalski@example.com", firstName: "Dana", lastName: "Kowalski", userId: 9_100_004),
        Owner(id: "71100042", email: "elif.yilmaz@example.com", firstName: "Elif", lastName: "Yılmaz", userId: 9_100_005),
        Owner(id: "71100043", email: "farid.haddad@example.com", firstName: "Farid", lastName: "Haddad", userId: 9_100_006),
        Owner(id: "80000001", email: "grace.oneill@example.com", firstName: "Grace", lastName: "O'Neill", userId: 9_100_007),
        Owner(id: "80000002", email: "inbound-queue@example.com", firstName: "Inbound", lastName: "Queue", type: "QUEUE"),
    ]

    static let customOutcomes: [Outcome] = [
        Outcome(id: "0f5e3c1a-2b4d-4e6f-8a9b-1c2d3e4f5a6b", label: "Meeting booked"),
        Outcome(id: "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d", label: "Gatekeeper"),
    ]

    static let firstNames = [
        "Olivia", "Liam", "Noah", "Emma", "Sofia", "Mateo", "Aisha", "Yuki", "Lukas", "Priya",
        "Kwame", "Ingrid", "Diego", "Hana", "Omar", "Zoë", "Björn", "Chloé", "Ravi", "Mei",
        "太郎", "花子", "محمد", "فاطمة", "דניאל", "Анна", "Nguyễn", "Søren", "Łukasz", "José",
    ]

    static let lastNames = [
        "Smith", "Johnson", "Garcia", "Müller", "Rossi", "Tanaka", "Kim", "Novak", "Dubois", "Silva",
        "Andersson", "Patel", "Nowak", "O'Brien", "van der Berg", "Haddad", "Cohen", "Ivanova", "Mensah", "Lopez",
        "田中", "鈴木", "الحسن", "לוי", "Петров", "Trần", "Ødegaard", "Şahin",
    ]

    static let companies: [(name: String, domain: String, city: String)] = [
        ("Acme Logistics", "acme-logistics.example", "Chicago"),
        ("Globex Corporation", "globex.example", "Springfield"),
        ("Initech", "initech.example", "Austin"),
        ("Umbrella Health", "umbrella-health.example", "Raccoon City"),
        ("Stark Industrial", "stark.example", "New York"),
        ("Wayne Enterprises", "wayne.example", "Gotham"),
        ("Hooli", "hooli.example", "Palo Alto"),
        ("Pied Piper", "piedpiper.example", "Palo Alto"),
        ("株式会社さくらソフト", "sakura-soft.example", "東京"),
        ("شركة النخيل للتجارة", "nakheel-trading.example", "دبي"),
        ("Zürcher Präzision AG", "zp-ag.example", "Zürich"),
        ("Nordlys Energi AS", "nordlys.example", "Tromsø"),
        ("Café Olé 🚀 Labs", "cafe-ole.example", "Lisboa"),
        ("Vandelay Industries", "vandelay.example", "New York"),
        ("Soylent Foods", "soylent.example", "Seattle"),
        ("Tyrell Systems", "tyrell.example", "Los Angeles"),
        ("Massive Dynamic", "massive.example", "Boston"),
        ("Cyberdyne Analytics", "cyberdyne.example", "Sunnyvale"),
        ("Evil\u{1B}[31m Corp\u{1B}[0m", "evil.example", "\u{202E}nodnoL"),
        ("Oceanic Freight", "oceanic.example", "Sydney"),
    ]

    static let dealNames = [
        "Annual renewal", "Expansion: 50 seats", "Pilot programme", "Enterprise upgrade", "Multi-year agreement",
        "Onboarding services", "API add-on", "Regional rollout", "大型契約", "Support tier upgrade",
    ]

    static let ticketSubjects = [
        "Login fails after password reset", "Invoice shows wrong VAT", "Export stuck at 99%",
        "Calls not syncing", "Recording will not play", "請求書の再発行", "Bulk import error",
        "SSO configuration help", "Data deletion request", "Webhook retries",
    ]

    static let titleTemplates = [
        "Discovery call with %", "Follow-up: % renewal", "Pricing question from %", "Demo for %",
        "Check-in with %", "Support escalation: %", "Onboarding kickoff (%)", "Quarterly review with %",
        "Contract questions – %", "Reference call for %", "Cold call: %", "Callback requested by %",
    ]

    static let openers = [
        "Spoke with % about the current rollout.",
        "% called back regarding the proposal we sent last week.",
        "Quick sync with % on open action items.",
        "% raised concerns about onboarding timelines.",
        "Introductory call; % is evaluating three vendors.",
    ]

    static let details = [
        "They want a breakdown of seat pricing for the next fiscal year and asked whether annual prepay changes the discount.",
        "Main blocker is the security review: their IT team needs our SOC 2 report and the data-processing addendum.",
        "Usage is up 40% quarter over quarter; the team is happy with call logging but wants better reporting.",
        "Budget is approved but procurement needs a signed order form before the end of the month.",
        "Integration with their phone system is the priority. They use a SIP trunk and want recordings attached automatically.",
        "Asked about data residency in the EU and whether backups leave the region.",
        "Their champion is moving to a new role; we need to meet the incoming director before renewal.",
        "Discussed the timeline for migration from spreadsheets. They have about 12,000 historical calls to import.",
    ]

    static let nextSteps = [
        "Next steps: send the revised quote by Friday.",
        "Next steps: schedule a technical deep-dive with their admin.",
        "Next steps: share the security documentation pack.",
        "Next steps: follow up in two weeks after their board meeting.",
        "Next steps: loop in customer success for the onboarding plan.",
    ]

    static let internationalBodies = [
        "お客様は来月の導入について確認したいとのこと。見積書を再送します。📞",
        "客户希望下周安排产品演示，并询问价格折扣。",
        "العميل يريد عرض سعر محدث قبل نهاية الشهر. سنتابع يوم الأحد.",
        "הלקוח ביקש הדגמה נוספת לצוות הטכני שלו.",
        "Клиент просит перенести звонок на четверг.",
        "Great call! 🎉 They loved the demo 👍🏽 — follow up with the 👨‍👩‍👧‍👦 family plan details.",
        "Mixed: English, 日本語, العربية and עברית in one note; numbers 123 and ١٢٣.",
    ]

    /// Text that would corrupt a terminal if printed raw: colour escapes, an OSC 52
    /// clipboard write, bidi overrides, C1 controls, tabs and stray carriage returns.
    static let hostileTitles = [
        "\u{1B}[31mRED ALERT\u{1B}[0m call about invoices",
        "Clipboard \u{1B}]52;c;ZXZpbCBjb21tYW5k\u{07}hijack attempt",
        "Refund for \u{202E}fdp.exe\u{202C} attachment",
        "C1 controls \u{0085}\u{009B}31m in title\u{009C}",
        "Tabs\tand\tnewlines\nin a title\r\nsecond line",
        "\u{1B}[2J\u{1B}[HScreen clear attempt",
    ]

    static let hostileBodies = [
        "Caller pasted: \u{1B}[31mred\u{1B}[0m and \u{1B}[1;5mblink\u{1B}[0m text.\nAlso a bell\u{07} and backspace\u{08}.",
        "OSC 52 payload: \u{1B}]52;c;cm0gLXJmIH4=\u{07} then a hyperlink \u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\",
        "Bidi: \u{202E}This text is reversed\u{202C} and \u{2066}isolated\u{2069} and \u{200F}RLM.",
        "Tabs:\tcol1\tcol2\tcol3\r\nWindows line ending above, form feed \u{0C} here, vertical tab \u{0B} there.",
        "C1 controls: \u{0080}\u{008D}\u{0090}DCS\u{009C} \u{009D}OSC\u{009C} and a DEL \u{7F}.",
    ]
}
