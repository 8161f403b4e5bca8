import { catalogue } from "../i18n/catalogue";

export const signInWords = catalogue(
  {
    title: "تسجيل الدخول",
    nationalId: "رقم الهوية",
    nationalIdHint: "عشرة أرقام، بالأرقام العربية أو الهندية",
    password: "كلمة المرور",
    submit: "تسجيل الدخول",
    signingIn: "جارٍ تسجيل الدخول…",
    expired: "انتهت جلستك. سجّل الدخول مرة أخرى لتكمل من حيث توقفت.",
    signedOut: "تم تسجيل خروجك.",
    signedIn: "تم تسجيل الدخول.",
  },
  {
    title: "Sign in",
    nationalId: "National ID",
    nationalIdHint: "Ten digits, Western or Arabic-Indic",
    password: "Password",
    submit: "Sign in",
    signingIn: "Signing in…",
    expired: "Your session ended. Sign in again to carry on where you were.",
    signedOut: "You are signed out.",
    signedIn: "Signed in.",
  },
);
