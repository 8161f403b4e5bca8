import { formatDateTime } from "../../web/src/i18n/format";

describe("instants on the web app's screens", () => {
  it("writes English hours in two digits on the 24-hour clock, Arabic ones on the 12-hour clock, in Riyadh's time", () => {
    expect(formatDateTime("2026-12-03T23:00:00Z", "en")).toBe("4 December 2026 at 02:00");
    expect(formatDateTime("2026-12-03T11:00:00Z", "en")).toBe("3 December 2026 at 14:00");
    expect(formatDateTime("2026-12-03T23:00:00Z", "ar")).toBe("٤ ديسمبر ٢٠٢٦ في ٢:٠٠ ص");
  });
});
