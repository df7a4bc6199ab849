import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isValidPhone, maskPhone, normalizePhone, phoneKind } from "./phone.ts";

describe("phone numbers", () => {
  it("normalizes separators and the country code", () => {
    assert.equal(normalizePhone(" 138 1234 5678 "), "13812345678");
    assert.equal(normalizePhone("138-1234-5678"), "13812345678");
    assert.equal(normalizePhone("+86 138 1234 5678"), "13812345678");
    assert.equal(normalizePhone("+86-138-1234-5678"), "13812345678");
    assert.equal(normalizePhone("0086 13812345678"), "13812345678");
    assert.equal(normalizePhone("8613812345678"), "13812345678");
    assert.equal(normalizePhone("024-12345678"), "02412345678");
    assert.equal(normalizePhone("(0411) 888 8888"), "04118888888");
  });

  it("accepts mainland mobiles", () => {
    for (const n of ["13812345678", "15004161234", "18640001111", "19912345678", "+86 186 4000 1111"]) {
      assert.equal(isValidPhone(n), true, n);
      assert.equal(phoneKind(n), "mobile", n);
    }
  });

  it("rejects malformed mobiles", () => {
    for (const n of ["12812345678", "1381234567", "138123456789", "11012345678", "1381234567a", ""]) {
      assert.equal(isValidPhone(n), false, n);
    }
  });

  it("accepts landlines with area code, with or without a dash", () => {
    for (const n of [
      "024-12345678",
      "02412345678",
      "0411-8888888",
      "04118888888",
      "0411-88889999",
      "010-62345678",
    ]) {
      assert.equal(isValidPhone(n), true, n);
      assert.equal(phoneKind(n), "landline", n);
    }
  });

  it("rejects landlines of the wrong length or without an area code", () => {
    for (const n of [
      "024-1234567",
      "0411-888888",
      "0411-888888888",
      "88888888",
      "024-02345678",
      "1024-2345678",
    ]) {
      assert.equal(isValidPhone(n), false, n);
    }
  });

  it("rejects service numbers", () => {
    for (const n of ["12345", "110", "95588", "400-123-4567", "024-12345"]) {
      assert.equal(isValidPhone(n), false, n);
    }
  });

  it("masks mobiles as 138****5678", () => {
    assert.equal(maskPhone("13812345678"), "138****5678");
    assert.equal(maskPhone("+86 138-1234-5678"), "138****5678");
  });

  it("masks landlines keeping the area code and the last four digits", () => {
    assert.equal(maskPhone("024-12345678"), "024****5678");
    assert.equal(maskPhone("02412345678"), "024****5678");
    assert.equal(maskPhone("0411-8888888"), "0411****8888");
  });

  it("never shows a malformed number in full", () => {
    assert.equal(maskPhone("12345"), "****");
    assert.equal(maskPhone("4001234567"), "****4567");
    assert.equal(maskPhone(""), "****");
  });
});
