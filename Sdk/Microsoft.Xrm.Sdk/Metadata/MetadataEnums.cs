using System;

namespace Microsoft.Xrm.Sdk.Metadata;

// Values as compiled in Microsoft.Xrm.Sdk 9.0.2.56.
[Flags]
public enum EntityFilters
{
    Entity = 1,
    Default = 1,
    Attributes = 2,
    Privileges = 4,
    Relationships = 8,
    All = 15,
}

public enum AttributeTypeCode
{
    Boolean = 0,
    Customer = 1,
    DateTime = 2,
    Decimal = 3,
    Double = 4,
    Integer = 5,
    Lookup = 6,
    Memo = 7,
    Money = 8,
    Owner = 9,
    PartyList = 10,
    Picklist = 11,
    State = 12,
    Status = 13,
    String = 14,
    Uniqueidentifier = 15,
    CalendarRules = 16,
    Virtual = 17,
    BigInt = 18,
    ManagedProperty = 19,
    EntityName = 20,
}

[Flags]
public enum OwnershipTypes
{
    None = 0,
    UserOwned = 1,
    TeamOwned = 2,
    BusinessOwned = 4,
    OrganizationOwned = 8,
    BusinessParented = 16,
}

public enum OptionSetType
{
    Picklist = 0,
    State = 1,
    Status = 2,
    Boolean = 3,
}

public enum DateTimeFormat
{
    DateOnly = 0,
    DateAndTime = 1,
}

public enum StringFormat
{
    Email = 0,
    Text = 1,
    TextArea = 2,
    Url = 3,
    TickerSymbol = 4,
    PhoneticGuide = 5,
    VersionNumber = 6,
    Phone = 7,
    Json = 8,
    RichText = 9,
}

public enum IntegerFormat
{
    None = 0,
    Duration = 1,
    TimeZone = 2,
    Language = 3,
    Locale = 4,
}
