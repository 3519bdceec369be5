// register route (deep links land here with ?token= where the flow needs one).
export { RegisterScreen as default } from "../src/features/auth/screens/RegisterScreen";
