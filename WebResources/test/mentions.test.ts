import { describe, expect, it } from "vitest";
import { deserializeMentions, extractTopics, mentionToken, parseText, serializeMentions } from "../src/shared/mentions";

const BEN = { table: "systemuser", id: "22222222-2222-4222-8222-222222222222", name: "Ben Okafor" };

describe("mention tokens and topics", () => {
  it("writes the contract's token format with quotes escaped", () => {
    expect(mentionToken({ table: "contact", id: "{66666666-6666-4666-8666-666666666666}", name: 'Carla "CJ" Díaz' })).toBe(
      '@[contact,66666666-6666-4666-8666-666666666666,"Carla \\"CJ\\" Díaz"]',
    );
  });

  it("parses a token back to the same name, escapes included", () => {
    const ref = { table: "contact", id: "66666666-6666-4666-8666-666666666666", name: 'Back\\slash "quoted"' };
    expect(parseText(`hi ${mentionToken(ref)}!`)).toEqual([
      { kind: "text", text: "hi " },
      { kind: "mention", ref },
      { kind: "text", text: "!" },
    ]);
  });

  it("finds #word and #[multi word] topics but not C# or page#anchor", () => {
    expect(extractTopics("Plan #Fundraising with #[Major Gifts] in C# see page#anchor")).toEqual(["fundraising", "major gifts"]);
  });

  it("turns the composer's @Name into tokens only for picked mentions, longest name first", () => {
    const ana = { table: "systemuser", id: "11111111-1111-4111-8111-111111111111", name: "Ana" };
    const anaLima = { table: "contact", id: "55555555-5555-4555-8555-555555555555", name: "Ana Lima" };
    const out = serializeMentions("@Ana Lima and @Ana and @Nobody", [ana, anaLima]);
    expect(out).toBe(`${mentionToken(anaLima)} and ${mentionToken(ana)} and @Nobody`);
  });

  it("round-trips text through edit (deserialize then serialize)", () => {
    const text = `Met ${mentionToken(BEN)} about #gala and #[spring gala]`;
    const { display, picked } = deserializeMentions(text);
    expect(display).toBe("Met @Ben Okafor about #gala and #[spring gala]");
    expect(serializeMentions(display, picked)).toBe(text);
  });

  it("leaves HTML-looking text as plain text segments", () => {
    expect(parseText("<img src=x onerror=alert(1)>")).toEqual([{ kind: "text", text: "<img src=x onerror=alert(1)>" }]);
  });
});
