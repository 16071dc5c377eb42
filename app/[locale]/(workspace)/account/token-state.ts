/** What creating an API token returns to the form: the token (shown this once) or a catalogue key (`api.tokens.*`). */
export interface TokenState {
  created?: { name: string; token: string };
  error?: 'nameRequired' | 'nameTooLong' | 'nameInvalid' | 'forbidden';
}
