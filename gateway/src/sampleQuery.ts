/** The unified family query shown on the gateway's query page and printed by `npm start`. */
export const SAMPLE_FAMILY_QUERY = `{
  me {
    fullNameAr
    family {
      registerNumber
      members { relation citizen { nationalId fullNameEn } }
      card { cardNumber status version }
    }
  }
}`;
