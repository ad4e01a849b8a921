package org.babillard.personaldata.boundary;

/** Fired when a former employee's personal data was erased; observers run after the commit. */
public record PersonalDataErased(long employeeId) {
}
