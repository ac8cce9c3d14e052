// Hashing staff passwords with a slow, salted function (scrypt in the adapter); the hash string carries its parameters.
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}
