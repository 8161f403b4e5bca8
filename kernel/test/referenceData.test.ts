import { ReferenceData } from "../referenceData";

describe("reference data kept per process", () => {
  const source = () => {
    const state = { reads: 0, fail: false, value: "v1" };
    const read = async () => {
      state.reads += 1;
      if (state.fail) throw new Error("database down");
      return state.value;
    };
    return { state, read };
  };
  const db = {};

  it("reads once for concurrent and later requests, and again once the copy is older than its age", async () => {
    jest.useFakeTimers({ now: new Date("2026-11-30T08:00:00Z") });
    try {
      const { state, read } = source();
      const programs = new ReferenceData<object, string>(read, 60_000);
      expect(await Promise.all([programs.get(db), programs.get(db), programs.get(db)])).toEqual(["v1", "v1", "v1"]);
      state.value = "v2"; // changed by a migration on another replica
      jest.setSystemTime(new Date("2026-11-30T08:00:59Z"));
      expect(await programs.get(db)).toBe("v1");
      expect(state.reads).toBe(1);
      jest.setSystemTime(new Date("2026-11-30T08:01:00Z"));
      expect(await programs.get(db)).toBe("v2");
      expect(state.reads).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it("does not keep a failed read: the next request reads again", async () => {
    const { state, read } = source();
    const programs = new ReferenceData<object, string>(read, 60_000);
    state.fail = true;
    await expect(programs.get(db)).rejects.toThrow("database down");
    state.fail = false;
    expect(await programs.get(db)).toBe("v1");
  });

  it("keeps one copy per database", async () => {
    const { state, read } = source();
    const programs = new ReferenceData<object, string>(read, 60_000);
    await programs.get({});
    await programs.get({});
    expect(state.reads).toBe(2);
  });
});
