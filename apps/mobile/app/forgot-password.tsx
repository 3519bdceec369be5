// forgot-password route (deep links land here with ?token= where the flow needs one).
export { ForgotPasswordScreen as default } from "../src/features/auth/screens/ForgotPasswordScreen";
