import { downloadName } from "../../web/src/review/downloadName";

describe("the name an officer's computer saves a document under", () => {
  it("ends in the extension of what the content was checked to be, whatever the applicant named it", () => {
    expect(downloadName("invoice.html", "application/pdf")).toBe("invoice.html.pdf");
    expect(downloadName("setup.exe", "image/png")).toBe("setup.exe.png");
    expect(downloadName("x.svg", "image/png")).toBe("x.svg.png");
    expect(downloadName("scan", "image/jpeg")).toBe("scan.jpg");
  });

  it("keeps a name that already says what the file is", () => {
    expect(downloadName("عقد الزواج.PDF", "application/pdf")).toBe("عقد الزواج.PDF");
    expect(downloadName("photo.jpeg", "image/jpeg")).toBe("photo.jpeg");
    expect(downloadName("card.png", "image/png")).toBe("card.png");
  });
});
