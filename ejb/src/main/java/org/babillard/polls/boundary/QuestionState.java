package org.babillard.polls.boundary;

/** A post asked as a question: who asked it, and the reply chosen as the best answer (null while none). */
public record QuestionState(String askerUsername, Long bestAnswerId) {
}
