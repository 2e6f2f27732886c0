import CallsCore

/// Labels for deal and ticket pipeline stages, which records carry as internal ids
/// (`closedwon`, `3`). The account's own labels come from the stage property's options
/// (`dealstage`, `hs_pipeline_stage`); HubSpot's default pipelines fill in when the
/// definitions are missing or do not know a stage; an unknown id is shown as it is.
public enum PipelineStages {
    /// The property holding a record type's stage, if it has one.
    public static func property(for type: ObjectType) -> String? {
        switch type {
        case .deals: "dealstage"
        case .tickets: "hs_pipeline_stage"
        default: nil
        }
    }

    /// The label of `stage` for records of `type`, given that type's property definitions.
    public static func label(_ stage: String, type: ObjectType, definitions: [PropertyDefinition]) -> String {
        if let name = property(for: type),
           let option = definitions.first(where: { $0.name == name })?.options.first(where: { $0.value == stage }),
           !option.label.isEmpty {
            return option.label
        }
        let defaults = type == .deals ? defaultDealStages : type == .tickets ? defaultTicketStages : [:]
        return defaults[stage] ?? stage
    }

    /// HubSpot's default sales pipeline.
    static let defaultDealStages = [
        "appointmentscheduled": "Appointment scheduled",
        "qualifiedtobuy": "Qualified to buy",
        "presentationscheduled": "Presentation scheduled",
        "decisionmakerboughtin": "Decision maker bought-in",
        "contractsent": "Contract sent",
        "closedwon": "Closed won",
        "closedlost": "Closed lost",
    ]

    /// HubSpot's default support pipeline.
    static let defaultTicketStages = [
        "1": "New",
        "2": "Waiting on contact",
        "3": "Waiting on us",
        "4": "Closed",
    ]
}
