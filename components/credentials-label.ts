// Which credentials are in use (`profile planet-user`, `API key from PL_API_KEY`; never the secret),
// for the header. A context, so the main screen passes nothing through for it.
import {createContext} from 'react';

export const CredentialsLabel = createContext<string | undefined>(undefined);
