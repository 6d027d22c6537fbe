import Evaluation

/// An error's message in English, whatever language a run chose: tests
/// assert the English sentences of the catalogue (the library's default
/// language is Chinese, on every machine).
func english(_ error: any Error) -> String {
    (error as? any HasMessage)?.message.english ?? "\(error)"
}
