"""Who bargains with whom: the coalition, its unions (locals), their units, the employer,
its regions, worksites and job classifications."""

from __future__ import annotations

from django.db import models


class Coalition(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    about = models.TextField(blank=True, help_text="Shown on the member site's home page.")

    def __str__(self) -> str:
        return self.name


class Employer(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    email_domains = models.CharField(
        max_length=500,
        blank=True,
        help_text="Comma-separated e-mail domains the employer controls; member addresses there are flagged.",
    )

    def __str__(self) -> str:
        return self.name

    def email_domain_list(self) -> list[str]:
        return [d.strip().lower().lstrip("@") for d in self.email_domains.split(",") if d.strip()]


class Region(models.Model):
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="regions")
    name = models.CharField(max_length=120)
    code = models.CharField(max_length=20)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["employer", "code"], name="region_code_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Union(models.Model):
    """A local union in the coalition."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="unions")
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40)
    slug = models.SlugField(unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name


class BargainingUnit(models.Model):
    union = models.ForeignKey(Union, on_delete=models.CASCADE, related_name="units")
    name = models.CharField(max_length=200)
    code = models.CharField(max_length=40)

    class Meta:
        ordering = ["union__name", "name"]
        constraints = [models.UniqueConstraint(fields=["union", "code"], name="unit_code_unique")]

    def __str__(self) -> str:
        return f"{self.union.short_name} – {self.name}"


class Worksite(models.Model):
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="worksites")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="worksites")
    name = models.CharField(max_length=200)
    code = models.CharField(max_length=40)
    city = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["employer", "code"], name="worksite_code_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Classification(models.Model):
    """A job title on the employer's wage scale."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="classifications")
    code = models.CharField(max_length=40)
    title = models.CharField(max_length=200)
    max_step = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["employer", "code"], name="classification_code_unique")
        ]

    def __str__(self) -> str:
        return self.title
