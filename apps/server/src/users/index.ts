// What other features may use of users: the row shape and its presenters (auth reads the users
// table; lessons and comments show their author). Kept to re-exports so it imports no service.
export { type PublicUserRow, toPublicUser, toUser, USER_COLUMNS, type UserRow } from "./presenter.js";
